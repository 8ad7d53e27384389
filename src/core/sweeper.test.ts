import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from './core.ts';
import { MAX_SLEEP_MS } from './sweeper.ts';
import { fakeClock, fakeTimers } from './testing/fake-clock.ts';
import { tempDir } from './testing/harness.ts';
import { workLoopCore } from './testing/work-loop.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A core whose sweeper runs on fake timers (started by the test) and a fake clock. */
const withTimers = () => {
  const timers = fakeTimers();
  const t = workLoopCore({ timers });
  cleanups.push(() => t.close());
  return { ...t, timers };
};

describe('the sweeper', () => {
  it('does nothing on its own when started with sweep: false, until sweep() is called', () => {
    const timers = fakeTimers();
    const t = workLoopCore({ timers });
    cleanups.push(() => t.close());
    const agent = t.agent();
    const task = t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(agent.id, 10);
    t.clock.advance(3600);
    expect(timers.pending()).toEqual([]);
    expect(t.core.tasks.get(task.id).status).toBe('in_progress');
    expect(t.core.sweeper.sweep()).toEqual({ expiredLeases: 1, staleSessions: 0, presenceChanges: 1 });
    expect(t.core.tasks.get(task.id).status).toBe('inbox');
    expect(timers.pending()).toEqual([]); // a sweep of a stopped sweeper sets no timer
  });

  it('makes every kind of due change in one pass: leases, silent sessions, presence', () => {
    const t = workLoopCore();
    cleanups.push(() => t.close());
    const agent = t.agent();
    const task = t.core.tasks.create({ title: 'a' });
    t.core.sessions.registerSubagent(task.id, { openclaw_session_id: 'oc-1', heartbeat_ttl_s: 30 });
    t.core.leases.claim(agent.id, 60);
    t.published.length = 0;
    expect(t.sweepAfter(90)).toEqual({ expiredLeases: 1, staleSessions: 1, presenceChanges: 1 });
    expect(t.published.map((e) => e.type).sort()).toEqual([
      'activity_logged',
      'agent_updated',
      'session_updated',
      'task_updated',
    ]);
  });

  it('sweeps at once on start what fell due while the server was down', () => {
    const clock = fakeClock();
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const before = createCore({ dataDir: dir, clock, sweep: false });
    const agent = before.agents.create({ name: 'Dev' });
    const task = before.tasks.create({ title: 'a' });
    before.sessions.registerSubagent(task.id, { openclaw_session_id: 'oc-1', heartbeat_ttl_s: 30 });
    before.leases.claim(agent.id, 60);
    before.close();

    clock.advance(3600);
    const timers = fakeTimers();
    const after = createCore({ dataDir: dir, clock, timers }); // sweep defaults to on
    cleanups.push(() => after.close());
    expect(after.tasks.get(task.id)).toMatchObject({ status: 'inbox', lease: null });
    expect(after.sessions.get('oc-1').status).toBe('stale');
    expect(after.agents.get(agent.id).presence).toBe('offline');
    expect(timers.pending()).toEqual([{ ms: MAX_SLEEP_MS }]);
  });

  it('start() sweeps at once and answers what it did', () => {
    const t = withTimers();
    const agent = t.agent();
    t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(agent.id, 10);
    t.clock.advance(10);
    expect(t.core.sweeper.start()).toEqual({ expiredLeases: 1, staleSessions: 0, presenceChanges: 0 });
    expect(t.timers.pending()).toHaveLength(1);
  });

  it('sleeps until the next due moment, whatever it is, and at most MAX_SLEEP_MS', async () => {
    const t = withTimers();
    t.core.sweeper.start();
    expect(t.timers.pending()).toEqual([{ ms: MAX_SLEEP_MS }]); // nothing due

    const task = t.core.tasks.create({ title: 'a' });
    t.core.sessions.registerSubagent(task.id, { openclaw_session_id: 'oc-1', heartbeat_ttl_s: 45 });
    await turn();
    expect(t.timers.pending()).toEqual([{ ms: 45_000 }]); // the session goes silent

    const agent = t.agent();
    t.core.leases.claim(agent.id, 20);
    await turn();
    expect(t.timers.pending()).toEqual([{ ms: 20_000 }]); // the lease runs out first

    t.clock.advance(20);
    t.timers.fire();
    expect(t.core.tasks.get(task.id).status).toBe('inbox');
    await turn();
    expect(t.timers.pending()).toEqual([{ ms: 25_000 }]); // then the session, at 45 s

    t.clock.advance(25);
    t.timers.fire();
    expect(t.core.sessions.get('oc-1').status).toBe('stale');
    await turn();
    expect(t.timers.pending()).toEqual([{ ms: 45_000 }]); // then presence, 90 s after the claim

    t.clock.advance(45);
    t.timers.fire();
    expect(t.core.agents.get(agent.id).presence).toBe('away');
    await turn();
    expect(t.timers.pending()).toEqual([{ ms: MAX_SLEEP_MS }]); // offline in 510 s: capped
  });

  it('looks again after a write, once per turn, and wakes at once for what is overdue', async () => {
    const t = withTimers();
    t.core.sweeper.start();
    const agent = t.agent();
    t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(agent.id, 20);
    await turn();
    expect(t.timers.pending()).toEqual([{ ms: 20_000 }]);

    t.clock.advance(30); // the machine slept through the due moment
    t.core.tasks.create({ title: 'b' });
    t.core.tasks.create({ title: 'c' });
    await turn();
    expect(t.timers.pending()).toEqual([{ ms: 0 }]);
    t.timers.fire();
    expect(t.core.tasks.list({ status: 'in_progress' })).toEqual([]);
  });

  it('stop() cancels its timer, and later writes do not set one', async () => {
    const t = withTimers();
    t.core.sweeper.start();
    t.core.sweeper.stop();
    expect(t.timers.pending()).toEqual([]);
    const agent = t.agent();
    t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(agent.id, 20);
    await turn();
    expect(t.timers.pending()).toEqual([]);
  });

  it('answers the next due moment, or null when nothing will ever fall due', () => {
    const t = withTimers();
    expect(t.core.sweeper.nextDue()).toBeNull();
    const agent = t.agent();
    t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(agent.id, 20);
    expect(t.core.sweeper.nextDue()).toBe(Date.parse(t.clock.in(20)));
  });
});
