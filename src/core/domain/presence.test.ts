import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toAnswer } from '../errors.ts';
import { workLoopCore } from '../testing/work-loop.ts';
import { presenceAt } from './presence.ts';

let t: ReturnType<typeof workLoopCore>;
beforeEach(() => {
  t = workLoopCore();
});
afterEach(() => t.close());

const presenceOf = (id: string) => t.core.agents.get(id).presence;

describe('agent heartbeat', () => {
  it('leaves a newly created agent unknown, never seen', () => {
    const a = t.agent();
    expect(a).toMatchObject({ presence: 'unknown', last_seen_at: null });
    expect(t.core.agents.get(a.id)).toMatchObject({ presence: 'unknown', last_seen_at: null });
    expect(t.core.agents.nextDecay()).toBeNull();
  });

  it('makes the agent online with one agent_updated; a heartbeat that changes nothing emits nothing', () => {
    const a = t.agent();
    t.published.length = 0;
    const beat = t.core.run('agents.heartbeat', { id: a.id });
    expect(beat).toMatchObject({ id: a.id, presence: 'online', last_seen_at: t.clock.now() });
    expect(t.published.map((e) => e.type)).toEqual(['agent_updated']);
    expect(t.payloads('agent_updated')[0]).toMatchObject({ presence: 'online', last_seen_at: t.clock.now() });

    t.published.length = 0;
    t.clock.advance(10);
    expect(t.core.run('agents.heartbeat', { id: a.id })).toMatchObject({ last_seen_at: t.clock.now() });
    expect(t.core.agents.get(a.id).last_seen_at).toBe(t.clock.now());
    expect(t.published).toEqual([]);
  });

  it('renews every lease the agent holds, each by its own length, without an event', () => {
    const a = t.agent('A');
    const b = t.agent('B');
    const short = t.core.tasks.create({ title: 'short' });
    const long = t.core.tasks.create({ title: 'long' });
    const theirs = t.core.tasks.create({ title: 'theirs' });
    t.core.leases.claim(a.id, 60);
    t.core.leases.claim(a.id, 120);
    const other = t.core.leases.claim(b.id, 60);
    t.clock.advance(50);
    t.published.length = 0;

    t.core.work.heartbeat(a.id);
    expect(t.core.tasks.get(short.id).lease).toMatchObject({ agent_id: a.id, expires_at: t.clock.in(60) });
    expect(t.core.tasks.get(long.id).lease).toMatchObject({ agent_id: a.id, expires_at: t.clock.in(120) });
    expect(t.core.tasks.get(theirs.id).lease).toEqual(other?.lease);
    expect(t.published).toEqual([]);

    expect(t.sweepAfter(59.999).expiredLeases).toBe(1); // only B's, which nobody renewed
    expect(t.core.tasks.get(short.id).status).toBe('in_progress');
  });

  it('does not bring back a lease that has already expired', () => {
    const a = t.agent();
    const task = t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(a.id, 60);
    t.clock.advance(60);
    t.core.work.heartbeat(a.id);
    expect(t.core.sweeper.sweep().expiredLeases).toBe(1);
    expect(t.core.tasks.get(task.id)).toMatchObject({ status: 'inbox', lease: null });
  });

  it('answers not_found for an unknown agent', () => {
    let error: unknown;
    try {
      t.core.run('agents.heartbeat', { id: 'ghost' });
    } catch (e) {
      error = e;
    }
    expect(toAnswer(error).status).toBe(404);
  });
});

describe('presence decay', () => {
  it('goes online → away at 90 s → offline at 10 min, each through the sweeper with agent_updated', () => {
    const a = t.agent();
    t.core.work.heartbeat(a.id);
    t.published.length = 0;

    expect(t.sweepAfter(89.999).presenceChanges).toBe(0);
    expect(presenceOf(a.id)).toBe('online');
    expect(t.sweepAfter(0.001).presenceChanges).toBe(1);
    expect(presenceOf(a.id)).toBe('away');
    expect(t.payloads('agent_updated')).toEqual([expect.objectContaining({ id: a.id, presence: 'away' })]);

    expect(t.sweepAfter(600 - 90 - 0.001).presenceChanges).toBe(0);
    expect(t.sweepAfter(0.001).presenceChanges).toBe(1);
    expect(presenceOf(a.id)).toBe('offline');
    expect(t.payloads('agent_updated').map((p) => p.presence)).toEqual(['away', 'offline']);

    expect(t.core.agents.nextDecay()).toBeNull();
    expect(t.sweepAfter(3600).presenceChanges).toBe(0);
  });

  it('goes straight to offline, with one event, when the sweeper first looks after 10 min', () => {
    const a = t.agent();
    t.core.work.heartbeat(a.id);
    t.published.length = 0;
    t.sweepAfter(601);
    expect(t.payloads('agent_updated').map((p) => p.presence)).toEqual(['offline']);
  });

  it('comes back online, with agent_updated, when an away agent beats again', () => {
    const a = t.agent();
    t.core.work.heartbeat(a.id);
    t.sweepAfter(100);
    t.published.length = 0;
    t.core.work.heartbeat(a.id);
    expect(t.payloads('agent_updated')).toEqual([expect.objectContaining({ presence: 'online' })]);
  });

  it('agrees with presenceAt at the boundaries', () => {
    const seen = '2030-01-01T00:00:00.000Z';
    const at = (s: number) => Date.parse(seen) + s * 1000;
    expect([presenceAt(null, at(0)), presenceAt(seen, at(89.999)), presenceAt(seen, at(90))]).toEqual([
      'unknown',
      'online',
      'away',
    ]);
    expect([presenceAt(seen, at(599.999)), presenceAt(seen, at(600))]).toEqual(['away', 'offline']);
  });
});

describe('writes that name the agent count as seeing it', () => {
  const expectSeen = (id: string) =>
    expect(t.core.agents.get(id)).toMatchObject({ presence: 'online', last_seen_at: t.clock.now() });

  it('a task update with agent_id', () => {
    const a = t.agent();
    const task = t.core.tasks.create({ title: 'a' });
    t.clock.advance(5);
    t.core.run('tasks.update', { id: task.id, changes: { status: 'review', agent_id: a.id } });
    expectSeen(a.id);
    expect(t.payloads('agent_updated')).toEqual([expect.objectContaining({ id: a.id, presence: 'online' })]);
  });

  it('an activity with agent_id', () => {
    const a = t.agent();
    const task = t.core.tasks.create({ title: 'a' });
    t.clock.advance(5);
    t.core.run('activities.create', {
      task_id: task.id,
      activity: { activity_type: 'updated', message: 'working on it', agent_id: a.id },
    });
    expectSeen(a.id);
  });

  it('a claim, a renewal and a release', () => {
    const a = t.agent();
    const task = t.core.tasks.create({ title: 'a' });
    t.core.run('work.claim', { agent_id: a.id });
    expectSeen(a.id);
    t.clock.advance(5);
    t.core.run('tasks.renewLease', { id: task.id, agent_id: a.id });
    expectSeen(a.id);
    t.clock.advance(5);
    t.core.run('tasks.release', { id: task.id, agent_id: a.id });
    expectSeen(a.id);
  });

  it('a task created by the agent and a sub-agent registered for it', () => {
    const a = t.agent('A');
    const b = t.agent('B');
    const task = t.core.tasks.create({ title: 'a', created_by_agent_id: a.id });
    expectSeen(a.id);
    t.core.sessions.registerSubagent(task.id, { openclaw_session_id: 'oc-1', agent_id: b.id });
    expectSeen(b.id);
  });

  it('but assigning a task to an agent does not', () => {
    const a = t.agent();
    t.core.tasks.create({ title: 'a', assigned_agent_id: a.id });
    const task = t.core.tasks.create({ title: 'b' });
    t.core.tasks.update(task.id, { assigned_agent_id: a.id });
    expect(t.core.agents.get(a.id)).toMatchObject({ presence: 'unknown', last_seen_at: null });
  });
});
