import { describe, expect, it } from 'vitest';
import type { Task } from '../../shared/entities.ts';
import type { AgentDeleted, DomainEvent, TaskDeleted } from '../../shared/events.ts';
import { aComment, aDeliverable, anAgent, aSession, aTask, ev } from '../test-fixtures.ts';
import { applyEvent, applyEvents } from './apply-event.ts';
import { emptyBoard, fromSnapshot, mergeTask } from './board-data.ts';

const board = (lastEventId = 0) => ({ ...emptyBoard(), lastEventId });
const updated = (task: Task, previous_status: Task['status'] = 'inbox') => ({
  ...task,
  previous_status,
  previous_assigned_agent_id: task.assigned_agent_id,
});
const taskDeleted = (id: string, removed: Partial<TaskDeleted['removed']> = {}): TaskDeleted => ({
  id,
  assigned_agent_id: null,
  removed: { activity_ids: [], deliverable_ids: [], session_ids: [], comment_ids: [], ...removed },
});
const agentDeleted = (id: string, cleared: Partial<AgentDeleted['cleared']> = {}): AgentDeleted => ({
  id,
  cleared: {
    assigned_task_ids: [],
    created_task_ids: [],
    session_ids: [],
    activity_ids: [],
    comment_ids: [],
    ...cleared,
  },
});
const anActivity = (id: string, task_id: string, agent_id: string | null) => ({
  id,
  task_id,
  agent_id,
  activity_type: 'updated' as const,
  message: 'hi',
  metadata: null,
  created_at: '2026-01-31T12:00:01.000Z',
});

describe('applyEvents', () => {
  it('folds events in id order and advances lastEventId', () => {
    const { data, status, applied } = applyEvents(board(), [
      ev(1, 'task_created', aTask()),
      ev(2, 'task_updated', updated(aTask({ status: 'review', version: 2 }))),
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
    const data = applyEvent(
      answered,
      ev(1, 'task_updated', updated(aTask({ version: 2, title: 'v2' }))),
    ).data;
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
    const { data } = applyEvent(start, ev(2, 'task_deleted', taskDeleted('t1', { session_ids: ['s1'] })));
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
    const { data } = applyEvent(
      start,
      ev(2, 'agent_deleted', agentDeleted('a1', { assigned_task_ids: ['t1'] })),
    );
    expect(data.agents).toEqual({});
    expect(data.tasks.t1?.assigned_agent_id).toBeNull();
  });

  it('a snapshot replaces the rows and sets the resume id', () => {
    const data = fromSnapshot({
      last_event_id: 42,
      tasks: [aTask()],
      done_total: 0,
      done_next: null,
      agents: [],
      sessions: [],
    });
    expect(data.lastEventId).toBe(42);
    expect(applyEvent(data, ev(42, 'task_deleted', taskDeleted('t1'))).applied).toBe(0);
    expect(applyEvent(data, ev(43, 'task_deleted', taskDeleted('t1'))).data.tasks).toEqual({});
  });

  it('drops exactly the sessions a task delete lists, and the caches of that task', () => {
    const start = {
      ...board(1),
      tasks: { t1: aTask(), t2: aTask({ id: 't2' }) },
      sessions: {
        s1: aSession(),
        s2: aSession({ id: 's2', task_id: 't2' }),
        p1: aSession({ id: 'p1', task_id: null, session_type: 'persistent' }),
      },
      activities: { t1: [anActivity('x1', 't1', null)], t2: [anActivity('x2', 't2', null)] },
      deliverables: { t1: [aDeliverable()], t2: [aDeliverable({ id: 'd2', task_id: 't2' })] },
    };
    const removed = { activity_ids: ['x1'], deliverable_ids: ['d1'], session_ids: ['s1'] };
    const { data } = applyEvent(start, ev(2, 'task_deleted', taskDeleted('t1', removed)));
    expect(Object.keys(data.tasks)).toEqual(['t2']);
    expect(Object.keys(data.sessions).sort()).toEqual(['p1', 's2']);
    expect(Object.keys(data.activities)).toEqual(['t2']);
    expect(Object.keys(data.deliverables)).toEqual(['t2']);
    expect(data.activities.t2).toBe(start.activities.t2);
  });

  it('clears every reference an agent delete lists, and only those', () => {
    const start = {
      ...board(1),
      agents: { a1: anAgent(), a2: anAgent({ id: 'a2' }) },
      tasks: {
        t1: aTask({ assigned_agent_id: 'a1', created_by_agent_id: 'a1' }),
        t2: aTask({ id: 't2', created_by_agent_id: 'a1', assigned_agent_id: 'a2' }),
        t3: aTask({ id: 't3', assigned_agent_id: 'a2' }),
      },
      sessions: { s1: aSession({ agent_id: 'a1' }), s2: aSession({ id: 's2', agent_id: 'a2' }) },
      activities: { t1: [anActivity('x1', 't1', 'a1'), anActivity('x2', 't1', 'a2')] },
    };
    const cleared = {
      assigned_task_ids: ['t1'],
      created_task_ids: ['t1', 't2'],
      session_ids: ['s1'],
      activity_ids: ['x1', 'x-not-loaded'],
    };
    const { data } = applyEvent(start, ev(2, 'agent_deleted', agentDeleted('a1', cleared)));
    expect(Object.keys(data.agents)).toEqual(['a2']);
    expect(data.tasks.t1).toMatchObject({ assigned_agent_id: null, created_by_agent_id: null });
    expect(data.tasks.t2).toMatchObject({ assigned_agent_id: 'a2', created_by_agent_id: null });
    expect(data.tasks.t3).toBe(start.tasks.t3);
    expect(data.sessions.s1?.agent_id).toBeNull();
    expect(data.sessions.s2).toBe(start.sessions.s2);
    expect(data.activities.t1?.map((a) => a.agent_id)).toEqual([null, 'a2']);
  });

  it('mirrors the task of a task_updated without the previous status and assignee it carries', () => {
    const start = { ...board(1), tasks: { t1: aTask() } };
    const task = aTask({ status: 'review', version: 2 });
    const { data } = applyEvent(start, ev(2, 'task_updated', updated(task, 'inbox')));
    expect(data.tasks.t1).toEqual(task);
    expect(data.feed[0]?.summary).toBe('Task updated: Write the parser');
  });

  it('skips an event type this build does not know, without losing its place in the stream', () => {
    const future = { id: 2, type: 'task_archived', payload: { id: 't1' }, created_at: '2026-02-01' };
    const start = { ...board(1), tasks: { t1: aTask() } };
    const { data, status, applied } = applyEvent(start, future as unknown as DomainEvent);
    expect([status, applied, data.lastEventId]).toEqual(['ok', 1, 2]);
    expect(data.tasks).toEqual(start.tasks);
  });

  it('shows comments, review decisions and dismissals in the feed; the card moves by its own task_updated', () => {
    const start = { ...board(1), tasks: { t1: aTask({ status: 'review' }) } };
    const comment = {
      id: 'c1',
      task_id: 't1',
      agent_id: null,
      author: 'operator' as const,
      body: 'Please add tests',
      created_at: '2026-01-31T12:00:02.000Z',
    };
    const { data, applied } = applyEvents(start, [
      ev(2, 'comment_added', { ...comment, task_assigned_agent_id: null }),
      ev(3, 'review_decided', {
        task_id: 't1',
        decision: 'request_changes',
        comment,
        task: aTask({ status: 'assigned', version: 2 }),
      }),
      ev(4, 'attention_dismissed', { key: 'review:t1', since: '2026-01-31T12:00:03.000Z' }),
    ]);
    expect(applied).toBe(3);
    expect(data.tasks).toBe(start.tasks);
    expect(data.feed.map((f) => f.summary)).toEqual([
      'An attention item was dismissed',
      'Changes requested: Write the parser',
      'Write the parser: operator commented: Please add tests',
    ]);
  });

  it('appends comments to an open conversation once, unnames a deleted agent, drops them with the task', () => {
    const added = (id: number, comment = aComment()) =>
      ev(id, 'comment_added', { ...comment, task_assigned_agent_id: 'a1' });
    expect(applyEvent(board(), added(1)).data.comments.t1).toBeUndefined();
    const open = applyEvents({ ...board(), comments: { t1: [] } }, [added(1), added(2)]).data;
    expect(open.comments.t1).toEqual([aComment()]);
    const unnamed = applyEvent(
      open,
      ev(3, 'agent_deleted', agentDeleted('a1', { comment_ids: ['c1'] })),
    ).data;
    expect(unnamed.comments.t1?.[0]?.agent_id).toBeNull();
    expect(applyEvent(unnamed, ev(4, 'task_deleted', taskDeleted('t1'))).data.comments.t1).toBeUndefined();
  });
});
