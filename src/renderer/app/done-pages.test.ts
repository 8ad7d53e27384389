// The controller's Done paging: one page at a time, from the snapshot's cursor to the last page.
import { expect, it } from 'vitest';
import { FakeBackend, settle } from '../fake-backend.ts';
import { makeSelectColumns } from '../store/selectors.ts';
import { createBoardStore } from '../store/store.ts';
import { aTask, ev } from '../test-fixtures.ts';
import { createController } from './bootstrap.ts';

const done = (id: string, updated_at: string) => aTask({ id, status: 'done', updated_at });

it('loads older done pages in order, one request at a time, merged with a task the stream moved into Done', async () => {
  const backend = new FakeBackend();
  const store = createBoardStore({ auth: 'ok' });
  const controller = createController(backend, store);
  backend.snapshot = {
    last_event_id: 3,
    tasks: [done('d1', '2026-01-05T00:00:00.000Z')],
    done_total: 3,
    done_next: 'c1',
    agents: [],
    sessions: [],
  };
  const pages: Record<string, { tasks: ReturnType<typeof done>[]; next: string | null }> = {
    c1: { tasks: [done('d2', '2026-01-04T00:00:00.000Z')], next: 'c2' },
    c2: { tasks: [done('d3', '2026-01-03T00:00:00.000Z')], next: null },
  };
  backend.handlers['snapshot.done'] = async (input) => pages[(input as { before: string }).before];
  controller.start();
  await settle();

  await Promise.all([controller.loadOlderDone(), controller.loadOlderDone()]);
  expect(backend.calls.filter((c) => c.command === 'snapshot.done')).toHaveLength(1);
  backend.push(ev(4, 'task_created', done('new', '2026-01-06T00:00:00.000Z')));
  await settle();
  await controller.loadOlderDone();
  await controller.loadOlderDone(); // nothing left: no request
  expect(backend.calls.filter((c) => c.command === 'snapshot.done').map((c) => c.input)).toEqual([
    { before: 'c1', limit: 200 },
    { before: 'c2', limit: 200 },
  ]);
  const state = store.getState();
  expect(makeSelectColumns()(state).done.map((t) => t.id)).toEqual(['new', 'd1', 'd2', 'd3']);
  expect(state.data.done).toMatchObject({ total: 4, next: null });
});

it('does not ask again by scrolling for a page that failed; the button (not auto) retries', async () => {
  const backend = new FakeBackend();
  const store = createBoardStore({ auth: 'ok' });
  const controller = createController(backend, store);
  backend.snapshot = {
    last_event_id: 0,
    tasks: [done('d1', '2026-01-05T00:00:00.000Z')],
    done_total: 2,
    done_next: 'c1',
    agents: [],
    sessions: [],
  };
  let fail = true;
  backend.handlers['snapshot.done'] = async () => {
    if (fail) throw new Error('offline');
    return { tasks: [done('d2', '2026-01-04T00:00:00.000Z')], next: null };
  };
  controller.start();
  await settle();
  await controller.loadOlderDone(true);
  await controller.loadOlderDone(true);
  expect(backend.calls.filter((c) => c.command === 'snapshot.done')).toHaveLength(1);
  expect(store.getState().notices.map((n) => n.title)).toEqual(['Could not load older done tasks']);
  fail = false;
  await controller.loadOlderDone();
  expect(store.getState().data.done.next).toBeNull();
  expect(Object.keys(store.getState().data.tasks).sort()).toEqual(['d1', 'd2']);
});
