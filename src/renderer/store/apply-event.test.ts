import { describe, expect, it } from 'vitest';
import { anAgent, aSession, aTask, ev } from '../test-fixtures.ts';
import { applyEvent, applyEvents } from './apply-event.ts';
import { emptyBoard, fromSnapshot, mergeTask } from './board-data.ts';

const board = (lastEventId = 0) => ({ ...emptyBoard(), lastEventId });

describe('applyEvents', () => {
  it('folds events in id order and advances lastEventId', () => {
    const { data, status, applied } = applyEvents(board(), [
      ev(1, 'task_created', aTask()),
      ev(2, 'task_updated', aTask({ status: 'review', version: 2 })),
    ]);
    expect(status).toBe('ok');
    expect(applied).toBe(2);
    expect(data.lastEventId).toBe(2);
    expect(data.tasks.t1?.status).toBe('review');
    expect(data.feed.map((f) => f.id)).toEqual([2, 1]);
  });

  it('skips duplicates and returns the same object when nothing is new', () => {
    const first = applyEvent(board(), ev(1, 'task_created', aTask())).data;
    const again = applyEvent(first, ev(1, 'task_created', aTask({ title: 'changed' })));
    expect(again.data).toBe(first);
    expect(again.applied).toBe(0);
    expect(again.data.tasks.t1?.title).toBe('Write the parser');
  });

  it('reports a gap and stops before it, keeping what came before', () => {
    const { data, status } = applyEvents(board(), [
      ev(1, 'task_created', aTask()),
      ev(3, 'task_created', aTask({ id: 't3' })),
    ]);
    expect(status).toBe('gap');
    expect(data.lastEventId).toBe(1);
    expect(data.tasks.t3).toBeUndefined();
  });

  it('reports a reset without changing the data', () => {
    const start = board(5);
    const result = applyEvent(start, {
      id: 9,
      type: 'reset',
      payload: { last_event_id: 9, reason: 'pruned' },
    });
    expect(result.status).toBe('reset');
    expect(result.data).toBe(start);
  });

  it('keeps one card when our own create answer and its event both arrive', () => {
    const task = aTask({ id: 'mine' });
    const afterAnswer = mergeTask(board(), task);
    const afterEvent = applyEvent(afterAnswer, ev(1, 'task_created', task)).data;
    expect(Object.keys(afterEvent.tasks)).toEqual(['mine']);
  });

  it('never lets an older event overwrite a newer command answer', () => {
    const answered = mergeTask(board(), aTask({ version: 3, title: 'v3' }));
    const data = applyEvent(answered, ev(1, 'task_updated', aTask({ version: 2, title: 'v2' }))).data;
    expect(data.tasks.t1?.title).toBe('v3');
    expect(data.lastEventId).toBe(1);
  });

  it('drops a deleted task with its sessions and caches', () => {
    const start = {
      ...board(1),
      tasks: { t1: aTask() },
      sessions: { s1: aSession() },
      activities: { t1: [] },
    };
    const { data } = applyEvent(start, ev(2, 'task_deleted', { id: 't1' }));
    expect(data.tasks).toEqual({});
    expect(data.sessions).toEqual({});
    expect(data.activities.t1).toBeUndefined();
  });

  it('appends activities only to open caches, once', () => {
    const activity = {
      id: 'x1',
      task_id: 't1',
      agent_id: null,
      activity_type: 'updated' as const,
      message: 'hi',
      metadata: null,
      created_at: '2026-01-31T12:00:01.000Z',
    };
    const closed = applyEvent(board(), ev(1, 'activity_logged', activity)).data;
    expect(closed.activities.t1).toBeUndefined();
    const open = applyEvents({ ...board(), activities: { t1: [] } }, [
      ev(1, 'activity_logged', activity),
    ]).data;
    expect(open.activities.t1).toHaveLength(1);
  });

  it('tracks sessions through spawn and completion', () => {
    const spawned = applyEvent(board(), ev(1, 'agent_spawned', aSession())).data;
    expect(spawned.sessions.s1?.status).toBe('active');
    const ended = applyEvent(spawned, ev(2, 'agent_completed', aSession({ status: 'completed' }))).data;
    expect(ended.sessions.s1?.status).toBe('completed');
  });

  it('unassigns tasks of a deleted agent, as the database does', () => {
    const start = {
      ...board(1),
      agents: { a1: anAgent() },
      tasks: { t1: aTask({ assigned_agent_id: 'a1' }) },
    };
    const { data } = applyEvent(start, ev(2, 'agent_deleted', { id: 'a1' }));
    expect(data.agents).toEqual({});
    expect(data.tasks.t1?.assigned_agent_id).toBeNull();
  });

  it('a snapshot replaces the rows and sets the resume id', () => {
    const data = fromSnapshot({ last_event_id: 42, tasks: [aTask()], agents: [], sessions: [] });
    expect(data.lastEventId).toBe(42);
    expect(applyEvent(data, ev(42, 'task_deleted', { id: 't1' })).applied).toBe(0);
    expect(applyEvent(data, ev(43, 'task_deleted', { id: 't1' })).data.tasks).toEqual({});
  });
});
