// The Done column's window: pages merged with live events, and the done count kept by the stream.
import { describe, expect, it } from 'vitest';
import type { Snapshot, Task } from '../../shared/entities.ts';
import type { TaskDeleted } from '../../shared/events.ts';
import { aTask, ev } from '../test-fixtures.ts';
import { applyEvents } from './apply-event.ts';
import { fromSnapshot, mergeDonePage } from './board-data.ts';
import { selectWaitingCounts } from './selectors.ts';
import { createBoardStore } from './store.ts';

const done = (id: string, over: Partial<Task> = {}) => aTask({ id, status: 'done', ...over });
const snapshot = (over: Partial<Snapshot> = {}): Snapshot => ({
  last_event_id: 10,
  tasks: [aTask({ id: 'open' }), done('d1'), done('d2')],
  done_total: 5,
  done_next: 'c1',
  agents: [],
  sessions: [],
  ...over,
});
const updated = (task: Task, previous_status: Task['status']) => ({
  ...task,
  previous_status,
  previous_assigned_agent_id: task.assigned_agent_id,
});
const deleted = (id: string, status?: Task['status']): TaskDeleted => ({
  id,
  assigned_agent_id: null,
  ...(status ? { status } : {}),
  removed: { activity_ids: [], deliverable_ids: [], session_ids: [], comment_ids: [] },
});

describe('done window', () => {
  it('takes the count and cursor from the snapshot', () => {
    const data = fromSnapshot(snapshot());
    expect(data.done).toEqual({ total: 5, next: 'c1', deleted: [] });
  });

  it('merges a page for the current cursor and moves the cursor; drops a page for another cursor', () => {
    const data = fromSnapshot(snapshot());
    const next = mergeDonePage(data, 'c1', { tasks: [done('d3'), done('d4')], next: 'c2' });
    expect(Object.keys(next.tasks).sort()).toEqual(['d1', 'd2', 'd3', 'd4', 'open']);
    expect(next.done.next).toBe('c2');
    // The same page again (asked twice), or one read before a new snapshot: nothing changes.
    expect(mergeDonePage(next, 'c1', { tasks: [done('d9')], next: 'c2' })).toBe(next);
    const last = mergeDonePage(next, 'c2', { tasks: [done('d5')], next: null });
    expect(last.done.next).toBeNull();
    expect(Object.keys(last.tasks)).toHaveLength(6);
  });

  it('keeps what the stream brought over an older row of a late page, and never revives a deleted task', () => {
    let data = fromSnapshot(snapshot());
    // d3 (never loaded) leaves Done and d4 (never loaded) is deleted, before the page read earlier arrives.
    const moved = aTask({ id: 'd3', status: 'review', version: 2 });
    data = applyEvents(data, [
      ev(11, 'task_updated', updated(moved, 'done')),
      ev(12, 'task_deleted', deleted('d4', 'done')),
    ]).data;
    expect(data.tasks.d3).toEqual(moved);
    expect(data.done.total).toBe(3);
    data = mergeDonePage(data, 'c1', {
      tasks: [done('d3', { version: 1 }), done('d4'), done('d5')],
      next: null,
    });
    expect(data.tasks.d3?.status).toBe('review');
    expect(data.tasks.d4).toBeUndefined();
    expect(data.tasks.d5?.status).toBe('done');
  });

  it('counts done tasks live: created done, moved in, moved out, deleted (loaded or not)', () => {
    let data = fromSnapshot(snapshot());
    const step = (...events: Parameters<typeof applyEvents>[1]) => {
      const result = applyEvents(data, events);
      expect(result.status).toBe('ok');
      data = result.data;
      return data.done.total;
    };
    expect(step(ev(11, 'task_created', done('n1')))).toBe(6);
    expect(step(ev(12, 'task_updated', updated(done('open', { version: 2 }), 'in_progress')))).toBe(7);
    expect(step(ev(13, 'task_updated', updated(aTask({ id: 'd1', version: 2 }), 'done')))).toBe(6);
    // An edit inside Done changes nothing.
    expect(step(ev(14, 'task_updated', updated(done('d2', { title: 'x', version: 2 }), 'done')))).toBe(6);
    expect(step(ev(15, 'task_deleted', deleted('d2', 'done')))).toBe(5);
    expect(step(ev(16, 'task_deleted', deleted('n1')))).toBe(4); // no status: loaded, and done
    expect(step(ev(17, 'task_deleted', deleted('old-unloaded')))).toBe(3); // unknown: must have been done
    expect(step(ev(18, 'task_deleted', deleted('d1', 'inbox')))).toBe(3);
    expect(data.done.deleted).toEqual(['d2', 'n1', 'old-unloaded', 'd1']);
  });

  it('puts a task that was never loaded on the board when it moves out of Done', () => {
    const data = fromSnapshot(snapshot());
    const back = aTask({ id: 'old', status: 'inbox', version: 4 });
    const result = applyEvents(data, [ev(11, 'task_updated', updated(back, 'done'))]);
    expect(result.data.tasks.old).toEqual(back);
    expect(result.data.done.total).toBe(4);
  });

  it('counts a dependency missing from the board as done (every open task is on it)', () => {
    const store = createBoardStore({
      data: fromSnapshot(
        snapshot({
          tasks: [
            aTask({ id: 'b', blocked: true, depends_on: ['open2', 'old-done'] }),
            aTask({ id: 'open2' }),
          ],
        }),
      ),
    });
    expect(selectWaitingCounts(store.getState())).toEqual({ b: 1 });
  });
});
