import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../shared/events.ts';
import { testCore } from '../testing/harness.ts';
import { DomainError } from './errors.ts';

let t: ReturnType<typeof testCore>;
let published: DomainEvent[];
beforeEach(() => {
  t = testCore();
  published = [];
  t.core.bus.subscribe((e) => published.push(e));
});
afterEach(() => t.close());

describe('tasks', () => {
  it('creates a task in the inbox at version 1 and appends task_created to the log', () => {
    const task = t.core.tasks.create({ title: 'Build feature X' });
    expect(task).toMatchObject({ title: 'Build feature X', status: 'inbox', priority: 'normal', version: 1 });
    expect(task.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(t.core.events.after(0, 10)).toEqual([
      { id: 1, type: 'task_created', payload: task, created_at: task.created_at },
    ]);
    expect(published.map((e) => e.id)).toEqual([1]);
  });

  it('bumps the version on every update and refuses a stale expected version', () => {
    const task = t.core.tasks.create({ title: 'a' });
    const v2 = t.core.tasks.update(task.id, { title: 'b' }, 1);
    expect(v2.version).toBe(2);
    expect(() => t.core.tasks.update(task.id, { title: 'c' }, 1)).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(t.core.tasks.get(task.id).title).toBe('b');
  });

  it('logs a status_changed activity, attributed, in the same write as the move', () => {
    const agent = t.core.agents.create({ name: 'Dev' });
    const task = t.core.tasks.create({ title: 'a' });
    t.core.tasks.update(task.id, { status: 'in_progress', agent_id: agent.id });
    const [activity] = t.core.activities.list(task.id);
    expect(activity).toMatchObject({
      activity_type: 'status_changed',
      agent_id: agent.id,
      message: 'Moved from Inbox to In Progress',
      metadata: { from: 'inbox', to: 'in_progress' },
    });
    expect(published.slice(-2).map((e) => e.type)).toEqual(['task_updated', 'activity_logged']);
  });

  it('does not log status_changed when the status stays the same', () => {
    const task = t.core.tasks.create({ title: 'a' });
    t.core.tasks.update(task.id, { priority: 'urgent' });
    expect(t.core.activities.list(task.id)).toEqual([]);
  });

  it('answers 422-style errors for references to agents that do not exist, and writes nothing', () => {
    expect(() => t.core.tasks.create({ title: 'a', assigned_agent_id: 'ghost' })).toThrow(
      expect.objectContaining({ code: 'unprocessable' }),
    );
    expect(t.core.tasks.list()).toEqual([]);
    expect(t.core.events.bounds().latest).toBe(0);
    expect(published).toEqual([]);
  });

  it('deletes a task with its activities, deliverables and sessions', () => {
    const task = t.core.tasks.create({ title: 'a' });
    t.core.activities.create(task.id, { activity_type: 'updated', message: 'm' });
    t.core.deliverables.create(task.id, { deliverable_type: 'file', title: 'f', path: '/tmp/f' });
    t.core.sessions.registerSubagent(task.id, { openclaw_session_id: 's1' });
    expect(t.core.tasks.remove(task.id)).toEqual({ id: task.id });
    const count = (table: string) =>
      (t.core.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([
      count('tasks'),
      count('task_activities'),
      count('task_deliverables'),
      count('openclaw_sessions'),
    ]).toEqual([0, 0, 0, 0]);
    expect(published.at(-1)).toMatchObject({ type: 'task_deleted', payload: { id: task.id } });
    expect(() => t.core.tasks.remove(task.id)).toThrow(DomainError);
  });

  it('says in task_deleted which activities, deliverables and sessions went with the task', () => {
    const task = t.core.tasks.create({ title: 'a' });
    const other = t.core.tasks.create({ title: 'b' });
    t.core.tasks.update(task.id, { status: 'in_progress' }); // logs status_changed
    const activity = t.core.activities.create(task.id, { activity_type: 'updated', message: 'm' });
    const deliverable = t.core.deliverables.create(task.id, {
      deliverable_type: 'url',
      title: 'u',
      path: 'https://example.com/u',
    });
    const session = t.core.sessions.registerSubagent(task.id, { openclaw_session_id: 's1' });
    t.core.activities.create(other.id, { activity_type: 'updated', message: 'kept' });
    t.core.sessions.registerSubagent(other.id, { openclaw_session_id: 's2' });
    const activityIds = t.core.activities.list(task.id).map((a) => a.id);
    expect(activityIds).toHaveLength(3); // status_changed, updated, spawned
    expect(activityIds).toContain(activity.id);
    t.core.tasks.remove(task.id);
    expect(published.at(-1)).toEqual({
      id: t.core.events.bounds().latest,
      type: 'task_deleted',
      payload: {
        id: task.id,
        assigned_agent_id: null,
        status: 'in_progress',
        removed: {
          activity_ids: activityIds,
          deliverable_ids: [deliverable.id],
          session_ids: [session.id],
          comment_ids: [],
        },
      },
      created_at: expect.any(String),
    });
    expect(t.core.events.after(t.core.events.bounds().latest - 1, 1)[0]).toEqual(published.at(-1));
  });

  it('carries the status before the update in task_updated, and answers with the task alone', () => {
    const task = t.core.tasks.create({ title: 'a', status: 'in_progress' });
    const moved = t.core.tasks.update(task.id, { status: 'review' });
    expect(moved).not.toHaveProperty('previous_status');
    expect(published.find((e) => e.type === 'task_updated')?.payload).toEqual({
      ...moved,
      previous_status: 'in_progress',
      previous_assigned_agent_id: null,
    });
    t.core.tasks.update(task.id, { title: 'renamed in review' });
    expect(published.at(-1)).toMatchObject({
      type: 'task_updated',
      payload: { status: 'review', previous_status: 'review' },
    });
  });

  it('keeps tasks when their agent is deleted, with the reference cleared', () => {
    const agent = t.core.agents.create({ name: 'Dev' });
    const task = t.core.tasks.create({
      title: 'a',
      assigned_agent_id: agent.id,
      created_by_agent_id: agent.id,
    });
    t.core.agents.remove(agent.id);
    expect(t.core.tasks.get(task.id)).toMatchObject({ assigned_agent_id: null, created_by_agent_id: null });
  });

  it('says in agent_deleted which tasks, sessions and activities no longer name the agent', () => {
    const agent = t.core.agents.create({ name: 'Dev' });
    const other = t.core.agents.create({ name: 'Ops' });
    const assigned = t.core.tasks.create({ title: 'a', assigned_agent_id: agent.id });
    const created = t.core.tasks.create({
      title: 'b',
      created_by_agent_id: agent.id,
      assigned_agent_id: other.id,
    });
    t.core.tasks.create({ title: 'c', assigned_agent_id: other.id });
    const activity = t.core.activities.create(created.id, {
      activity_type: 'updated',
      message: 'm',
      agent_id: agent.id,
    });
    const session = t.core.sessions.registerSubagent(created.id, {
      openclaw_session_id: 's1',
      agent_id: agent.id,
    });
    const spawned = t.core.activities.list(created.id).find((a) => a.activity_type === 'spawned');
    t.core.agents.remove(agent.id);
    expect(published.at(-1)).toMatchObject({
      type: 'agent_deleted',
      payload: {
        id: agent.id,
        cleared: {
          assigned_task_ids: [assigned.id],
          created_task_ids: [created.id],
          session_ids: [session.id],
          activity_ids: [activity.id, spawned?.id],
        },
      },
    });
    expect(t.core.sessions.get(session.id).agent_id).toBeNull();
  });

  it('filters by status, assignee and text, treating % and _ literally', () => {
    const agent = t.core.agents.create({ name: 'Dev' });
    t.core.tasks.create({ title: '100% done', status: 'done' });
    t.core.tasks.create({ title: 'write docs', assigned_agent_id: agent.id });
    t.core.tasks.create({ title: 'other', description: 'mentions docs' });
    expect(t.core.tasks.list({ status: 'done' }).map((x) => x.title)).toEqual(['100% done']);
    expect(t.core.tasks.list({ assigned_agent_id: agent.id }).map((x) => x.title)).toEqual(['write docs']);
    expect(t.core.tasks.list({ q: 'docs' })).toHaveLength(2);
    expect(t.core.tasks.list({ q: '%' }).map((x) => x.title)).toEqual(['100% done']);
  });

  it('rolls back rows and events together when a write fails midway', () => {
    const task = t.core.tasks.create({ title: 'a' });
    const before = t.core.events.bounds().latest;
    expect(() =>
      t.core.tx.write(() => {
        t.core.tasks.update(task.id, { status: 'done' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(t.core.tasks.get(task.id).status).toBe('inbox');
    expect(t.core.activities.list(task.id)).toEqual([]);
    expect(t.core.events.bounds().latest).toBe(before);
    expect(published).toHaveLength(1);
  });
});
