import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/entities.ts';
import type { SubagentCreate } from '../../shared/inputs.ts';
import { toAnswer } from '../errors.ts';
import { workLoopCore } from '../testing/work-loop.ts';

let t: ReturnType<typeof workLoopCore>;
let taskId: string;
beforeEach(() => {
  t = workLoopCore();
  taskId = t.core.tasks.create({ title: 'a' }).id;
});
afterEach(() => t.close());

/** Registers through the operation (so its schema parses the ttl), answering the session. */
const register = (input: Partial<SubagentCreate> = {}) =>
  t.core.run('sessions.register', {
    task_id: taskId,
    session: { openclaw_session_id: 'oc-1', heartbeat_ttl_s: 30, ...input },
  }) as Session;
const statusOf = (id: string) => t.core.sessions.get(id).status;

describe('session heartbeats', () => {
  it('registers a session with its heartbeat_ttl_s and no heartbeat yet', () => {
    expect(register()).toMatchObject({ status: 'active', heartbeat_ttl_s: 30, last_heartbeat_at: null });
    expect(t.core.sessions.get('oc-1')).toMatchObject({ heartbeat_ttl_s: 30, last_heartbeat_at: null });
  });

  it('goes stale ttl after registration when no heartbeat came, with session_updated', () => {
    const session = register();
    t.published.length = 0;
    expect(t.sweepAfter(29.999).staleSessions).toBe(0);
    expect(statusOf(session.id)).toBe('active');

    expect(t.sweepAfter(0.001).staleSessions).toBe(1);
    const stale = t.core.sessions.get(session.id);
    expect(stale).toMatchObject({ status: 'stale', updated_at: t.clock.now(), ended_at: null });
    expect(t.published.map((e) => e.type)).toEqual(['session_updated']);
    expect(t.payloads('session_updated')).toEqual([stale]);
    expect(t.sweepAfter(3600).staleSessions).toBe(0); // stale once, not again
  });

  it('stays active while heartbeats come within the ttl, counted from the last one', () => {
    const session = register();
    t.clock.advance(20);
    t.published.length = 0;
    const beat = t.core.run('sessions.heartbeat', { id: 'oc-1' });
    expect(beat).toMatchObject({ status: 'active', last_heartbeat_at: t.clock.now() });
    expect(t.core.sessions.get(session.id).last_heartbeat_at).toBe(t.clock.now());
    expect(t.published).toEqual([]); // nothing visible changed

    expect(t.sweepAfter(29.999).staleSessions).toBe(0);
    expect(t.sweepAfter(0.001).staleSessions).toBe(1);
  });

  it('revives a stale session with a heartbeat, with session_updated, and gives it a fresh ttl', () => {
    const session = register();
    t.sweepAfter(30);
    t.clock.advance(100);
    t.published.length = 0;

    const revived = t.core.sessions.heartbeat(session.id);
    expect(revived).toMatchObject({ status: 'active', last_heartbeat_at: t.clock.now() });
    expect(t.payloads('session_updated')).toEqual([t.core.sessions.get(session.id)]);
    expect(t.sweepAfter(29.999).staleSessions).toBe(0);
    expect(t.sweepAfter(0.001).staleSessions).toBe(1);
  });

  it('refuses a heartbeat on a completed or failed session with 409 session_ended', () => {
    register({ openclaw_session_id: 'done' });
    register({ openclaw_session_id: 'broken' });
    t.core.sessions.update('done', { status: 'completed' });
    t.core.sessions.update('broken', { status: 'failed' });
    for (const id of ['done', 'broken']) {
      let error: unknown;
      try {
        t.core.run('sessions.heartbeat', { id });
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: 'session_ended' });
      expect(toAnswer(error).status).toBe(409);
    }
    expect([statusOf('done'), statusOf('broken')]).toEqual(['completed', 'failed']);
  });

  it('never makes a session without a ttl stale', () => {
    const session = register({ heartbeat_ttl_s: undefined });
    expect(session.heartbeat_ttl_s).toBeNull();
    expect(t.core.sessions.nextStale()).toBeNull();
    expect(t.sweepAfter(86_400 * 30).staleSessions).toBe(0);
    expect(statusOf(session.id)).toBe('active');
    expect(t.core.sessions.heartbeat(session.id)).toMatchObject({ status: 'active' });
  });

  it('marks the session’s agent seen on a heartbeat', () => {
    const agent = t.agent();
    register({ agent_id: agent.id });
    t.sweepAfter(95);
    expect(t.core.agents.get(agent.id).presence).toBe('away');
    t.core.sessions.heartbeat('oc-1');
    expect(t.core.agents.get(agent.id)).toMatchObject({ presence: 'online', last_seen_at: t.clock.now() });
  });
});

describe('ending sessions', () => {
  it('completes an active session with agent_completed', () => {
    const session = register();
    t.published.length = 0;
    const ended = t.core.run('sessions.update', { id: session.id, changes: { status: 'completed' } });
    expect(ended).toMatchObject({ status: 'completed', ended_at: t.clock.now() });
    expect(t.published.map((e) => e.type)).toEqual(['agent_completed']);
  });

  it('fails a stale session with agent_completed, and it stays ended', () => {
    const session = register();
    t.sweepAfter(30);
    t.published.length = 0;
    const ended = t.core.sessions.update(session.id, { status: 'failed' });
    expect(ended).toMatchObject({ status: 'failed', ended_at: t.clock.now() });
    expect(t.payloads('agent_completed')).toEqual([ended]);
    expect(t.sweepAfter(3600).staleSessions).toBe(0);
    expect(statusOf(session.id)).toBe('failed');
  });

  it('completes a stale session too', () => {
    const session = register();
    t.sweepAfter(30);
    expect(t.core.sessions.update(session.id, { status: 'completed' }).status).toBe('completed');
  });
});

describe('the active sub-agent count', () => {
  it('counts active sessions only: not stale, not ended', () => {
    register({ openclaw_session_id: 'quiet', heartbeat_ttl_s: 10 });
    register({ openclaw_session_id: 'beating', heartbeat_ttl_s: 60 });
    register({ openclaw_session_id: 'no-ttl', heartbeat_ttl_s: undefined });
    register({ openclaw_session_id: 'ended' });
    t.core.sessions.update('ended', { status: 'completed' });
    expect(t.core.sessions.activeSubagents()).toBe(3);

    t.sweepAfter(10);
    expect(statusOf('quiet')).toBe('stale');
    expect(t.core.sessions.activeSubagents()).toBe(2);
    expect(t.core.sessions.list({ status: 'stale' }).map((s) => s.openclaw_session_id)).toEqual(['quiet']);

    t.core.sessions.heartbeat('quiet');
    expect(t.core.sessions.activeSubagents()).toBe(3);
  });
});
