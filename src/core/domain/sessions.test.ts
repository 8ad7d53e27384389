import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore } from '../testing/harness.ts';

let t: ReturnType<typeof testCore>;
beforeEach(() => {
  t = testCore();
});
afterEach(() => t.close());

describe('sub-agent sessions', () => {
  it('registers an active sub-agent and logs spawned on its task', () => {
    const task = t.core.tasks.create({ title: 'a' });
    const session = t.core.sessions.registerSubagent(task.id, {
      openclaw_session_id: 'oc-1',
      agent_name: 'Dev',
    });
    expect(session).toMatchObject({
      status: 'active',
      session_type: 'subagent',
      task_id: task.id,
      ended_at: null,
    });
    expect(t.core.activities.list(task.id)).toEqual([
      expect.objectContaining({ activity_type: 'spawned', message: 'Sub-agent Dev spawned' }),
    ]);
    expect(t.core.events.after(1, 10).map((e) => e.type)).toEqual(['agent_spawned', 'activity_logged']);
  });

  it('counts active sub-agents up and down as sessions start and end', () => {
    const task = t.core.tasks.create({ title: 'a' });
    expect(t.core.sessions.activeSubagents()).toBe(0);
    t.core.sessions.registerSubagent(task.id, { openclaw_session_id: 'a' });
    const b = t.core.sessions.registerSubagent(task.id, { openclaw_session_id: 'b' });
    expect(t.core.sessions.activeSubagents()).toBe(2);
    t.core.sessions.update(b.id, { status: 'failed' });
    expect(t.core.sessions.activeSubagents()).toBe(1);
  });

  it('sets ended_at when a session completes, found by either id', () => {
    const task = t.core.tasks.create({ title: 'a' });
    t.core.sessions.registerSubagent(task.id, { openclaw_session_id: 'oc-1' });
    const ended = t.core.sessions.update('oc-1', { status: 'completed' });
    expect(ended.status).toBe('completed');
    expect(ended.ended_at).toBe(ended.updated_at);
    expect(t.core.sessions.get(ended.id).ended_at).toBe(ended.ended_at);
    expect(t.core.events.after(0, 10).at(-1)).toMatchObject({
      type: 'agent_completed',
      payload: { id: ended.id },
    });
  });

  it('refuses a duplicate session id and reopening an ended session', () => {
    const task = t.core.tasks.create({ title: 'a' });
    t.core.sessions.registerSubagent(task.id, { openclaw_session_id: 'oc-1' });
    expect(() => t.core.sessions.registerSubagent(task.id, { openclaw_session_id: 'oc-1' })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    t.core.sessions.update('oc-1', { status: 'completed' });
    expect(() => t.core.sessions.update('oc-1', { status: 'active' })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
  });

  it('filters sessions by type, status and task', () => {
    const a = t.core.tasks.create({ title: 'a' });
    const b = t.core.tasks.create({ title: 'b' });
    t.core.sessions.registerSubagent(a.id, { openclaw_session_id: '1' });
    t.core.sessions.registerSubagent(b.id, { openclaw_session_id: '2' });
    t.core.sessions.update('2', { status: 'completed' });
    expect(t.core.sessions.list({ task_id: a.id }).map((s) => s.openclaw_session_id)).toEqual(['1']);
    expect(t.core.sessions.list({ status: 'completed' }).map((s) => s.openclaw_session_id)).toEqual(['2']);
    expect(t.core.sessions.list({ session_type: 'persistent' })).toEqual([]);
  });
});
