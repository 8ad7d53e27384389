import { describe, expect, it } from 'vitest';
import { BackendError } from '../backend/backend.ts';
import { FakeBackend, settle } from '../fake-backend.ts';
import { makeSelectColumns } from '../store/selectors.ts';
import { createBoardStore } from '../store/store.ts';
import { aTask, ev } from '../test-fixtures.ts';
import { createController } from './bootstrap.ts';

const setup = () => {
  const backend = new FakeBackend();
  const store = createBoardStore({ auth: 'ok' });
  const controller = createController(backend, store);
  return { backend, store, controller };
};

describe('bootstrap', () => {
  it('loads the snapshot, then follows the stream from its event id', async () => {
    const { backend, store, controller } = setup();
    backend.snapshot = {
      last_event_id: 7,
      tasks: [aTask()],
      done_total: 0,
      done_next: null,
      agents: [],
      sessions: [],
    };
    controller.start();
    await settle();
    expect(store.getState().loaded).toBe(true);
    expect(backend.subscriptions).toEqual([7]);
    backend.push(
      ev(8, 'task_updated', {
        ...aTask({ version: 2, status: 'done' }),
        previous_status: 'inbox',
        previous_assigned_agent_id: null,
      }),
    );
    await settle();
    expect(store.getState().data.tasks.t1?.status).toBe('done');
    expect(store.getState().connection).toBe('live');
  });

  it('refetches the snapshot on a gap and resumes from the new id', async () => {
    const { backend, store, controller } = setup();
    controller.start();
    await settle();
    backend.snapshot = {
      last_event_id: 5,
      tasks: [aTask({ id: 'fresh' })],
      done_total: 0,
      done_next: null,
      agents: [],
      sessions: [],
    };
    backend.push(ev(4, 'task_created', aTask({ id: 'after-gap' })));
    await settle();
    expect(backend.subscriptions).toEqual([0, 5]);
    expect(Object.keys(store.getState().data.tasks)).toEqual(['fresh']);
  });

  it('refetches on reset', async () => {
    const { backend, controller } = setup();
    controller.start();
    await settle();
    backend.snapshot = { ...backend.snapshot, last_event_id: 90 };
    backend.push({ id: 90, type: 'reset', payload: { last_event_id: 90, reason: 'pruned' } });
    await settle();
    expect(backend.subscriptions).toEqual([0, 90]);
  });

  it('shows a move at once and reverts it with a message when the server refuses', async () => {
    const { backend, store, controller } = setup();
    backend.snapshot = {
      last_event_id: 1,
      tasks: [aTask({ version: 3 })],
      done_total: 0,
      done_next: null,
      agents: [],
      sessions: [],
    };
    controller.start();
    await settle();
    let refuse: (e: Error) => void = () => {};
    backend.handlers['tasks.update'] = () => new Promise((_, reject) => (refuse = reject));
    const columns = makeSelectColumns();
    const moving = controller.moveTask('t1', 'done');
    expect(columns(store.getState()).done.map((t) => t.id)).toEqual(['t1']);
    expect(backend.calls.at(-1)?.input).toMatchObject({ expected_version: 3, changes: { status: 'done' } });
    refuse(new BackendError('version_conflict', 'stale', 409));
    await moving;
    expect(columns(store.getState()).inbox.map((t) => t.id)).toEqual(['t1']);
    expect(store.getState().notices[0]?.title).toContain('was refused');
  });

  it('creates a task once even when its event follows the answer', async () => {
    const { backend, store, controller } = setup();
    controller.start();
    await settle();
    const created = aTask({ id: 'new' });
    backend.handlers['tasks.create'] = () => created;
    await controller.createTask({ title: created.title });
    backend.push(ev(1, 'task_created', created));
    await settle();
    expect(makeSelectColumns()(store.getState()).inbox).toHaveLength(1);
  });

  it('loads an opened task’s activities and keeps events that arrive meanwhile', async () => {
    const { backend, store, controller } = setup();
    backend.snapshot = {
      last_event_id: 0,
      tasks: [aTask()],
      done_total: 0,
      done_next: null,
      agents: [],
      sessions: [],
    };
    controller.start();
    await settle();
    const row = (id: string, at: string) => ({
      id,
      task_id: 't1',
      agent_id: null,
      activity_type: 'updated' as const,
      message: id,
      metadata: null,
      created_at: at,
    });
    let answer: (rows: unknown) => void = () => {};
    backend.handlers['activities.list'] = () => new Promise((r) => (answer = r));
    controller.openTask('t1');
    backend.push(ev(1, 'activity_logged', row('live', '2026-01-31T12:00:02.000Z')));
    await settle();
    answer([row('old', '2026-01-31T12:00:01.000Z')]);
    await settle();
    expect(store.getState().data.activities.t1?.map((a) => a.id)).toEqual(['old', 'live']);
  });
});
