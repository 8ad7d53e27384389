// Long-polling claims, on real timers (small waits): the fake clock only stamps the rows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workLoopCore } from '../testing/work-loop.ts';
import type { Claim } from './leases.ts';

let t: ReturnType<typeof workLoopCore>;
beforeEach(() => {
  t = workLoopCore();
});
afterEach(() => t.close());

/** A long-poll claim as the transports make it; `settled` tells whether it has answered yet. */
const waitFor = (agentId: string, waitS = 5, signal?: AbortSignal) => {
  const state: { settled: boolean; claim: Claim | null } = { settled: false, claim: null };
  const promise = Promise.resolve(
    t.core.run('work.claim', { agent_id: agentId, wait_s: waitS }, { signal }),
  ).then((claim) => {
    state.settled = true;
    state.claim = claim;
    return claim;
  });
  return Object.assign(promise, { state });
};
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

describe('long-poll claims', () => {
  it('answer at once when a task is claimable, without waiting', async () => {
    const agent = t.agent();
    const task = t.core.tasks.create({ title: 'a' });
    expect((await waitFor(agent.id))?.task.id).toBe(task.id);
    expect(t.core.work.waiting()).toBe(0);
  });

  it('wait, and are answered with the task when one is created', async () => {
    const agent = t.agent();
    const pending = waitFor(agent.id);
    await turn();
    expect(pending.state.settled).toBe(false);
    expect(t.core.work.waiting()).toBe(1);

    const task = t.core.tasks.create({ title: 'new work' });
    const claim = await pending;
    expect(claim).toMatchObject({
      task: { id: task.id, status: 'in_progress' },
      lease: { agent_id: agent.id },
    });
    expect(t.core.tasks.get(task.id).lease?.agent_id).toBe(agent.id);
    expect(t.core.work.waiting()).toBe(0);
  });

  it('serve waiters first come, first served', async () => {
    const a = t.agent('A');
    const b = t.agent('B');
    const first = waitFor(b.id);
    const second = waitFor(a.id);
    const third = waitFor(b.id);
    await turn();

    const one = t.core.tasks.create({ title: 'one' });
    expect((await first)?.task.id).toBe(one.id);
    await turn();
    expect([second.state.settled, third.state.settled]).toEqual([false, false]);

    const two = t.core.tasks.create({ title: 'two' });
    expect((await second)?.task.id).toBe(two.id);
    const three = t.core.tasks.create({ title: 'three' });
    expect((await third)?.task.id).toBe(three.id);
  });

  it('serve every waiter it can in one pass when several tasks arrive at once', async () => {
    const a = t.agent('A');
    const b = t.agent('B');
    const first = waitFor(a.id);
    const second = waitFor(b.id);
    await turn();
    const [x, y] = t.core.tx.write(() => [
      t.core.tasks.create({ title: 'x', priority: 'low' }),
      t.core.tasks.create({ title: 'y', priority: 'urgent' }),
    ]);
    expect([(await first)?.task.id, (await second)?.task.id]).toEqual([y?.id, x?.id]);
  });

  it('leave a task assigned to someone else to them', async () => {
    const a = t.agent('A');
    const b = t.agent('B');
    const first = waitFor(a.id);
    const second = waitFor(b.id);
    await turn();
    const task = t.core.tasks.create({ title: 'for B', status: 'assigned', assigned_agent_id: b.id });
    expect((await second)?.task.id).toBe(task.id);
    expect(first.state.settled).toBe(false);
  });

  it('are answered when a task is handed back, by a release or by an expired lease', async () => {
    const a = t.agent('A');
    const b = t.agent('B');
    const task = t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(a.id, 60);
    const byRelease = waitFor(b.id);
    await turn();
    t.core.leases.release(task.id, a.id);
    expect((await byRelease)?.task.id).toBe(task.id);

    const byExpiry = waitFor(a.id);
    await turn();
    expect(byExpiry.state.settled).toBe(false);
    t.sweepAfter(300);
    expect((await byExpiry)?.task).toMatchObject({ id: task.id, claim_count: 3 });
  });

  it('are answered when the dependency blocking a task is done', async () => {
    const agent = t.agent();
    const first = t.core.tasks.create({ title: 'first', status: 'review' });
    const blocked = t.core.tasks.create({ title: 'blocked', depends_on: [first.id] });
    const pending = waitFor(agent.id);
    await turn();
    expect(pending.state.settled).toBe(false);
    t.core.tasks.update(first.id, { status: 'done' });
    expect((await pending)?.task.id).toBe(blocked.id);
  });

  it('answer null when wait_s passes with nothing claimable', async () => {
    const agent = t.agent();
    const started = Date.now();
    expect(await t.core.work.claim({ agent_id: agent.id, wait_s: 0.05 })).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect(t.core.work.waiting()).toBe(0);
    const task = t.core.tasks.create({ title: 'too late' });
    await turn();
    expect(t.core.tasks.get(task.id)).toMatchObject({ status: 'inbox', claim_count: 0 });
  });

  it('leave the queue when their signal aborts, and claim nothing afterwards', async () => {
    const agent = t.agent();
    const controller = new AbortController();
    const pending = waitFor(agent.id, 5, controller.signal);
    await turn();
    controller.abort();
    expect(await pending).toBeNull();
    expect(t.core.work.waiting()).toBe(0);

    const task = t.core.tasks.create({ title: 'a' });
    await turn();
    expect(t.core.tasks.get(task.id)).toMatchObject({ status: 'inbox', claim_count: 0, lease: null });
  });

  it('hand back at once what was claimed for a client that left during the claim', async () => {
    const agent = t.agent('Dev');
    const controller = new AbortController();
    const pending = waitFor(agent.id, 5, controller.signal);
    await turn();
    // The client goes away while its claim is being made (the claim's event is published first).
    t.core.bus.subscribe((event) => {
      if (event.type === 'task_updated' && event.payload.status === 'in_progress') controller.abort();
    });
    const task = t.core.tasks.create({ title: 'a' });
    expect(await pending).toBeNull();
    await turn();
    expect(t.core.tasks.get(task.id)).toMatchObject({ status: 'inbox', lease: null, claim_count: 1 });
    expect(t.core.activities.list(task.id, { order: 'desc', limit: 1 })[0]?.message).toBe(
      'Released by Dev; handed back to Inbox',
    );
  });

  it('claim nothing for a client that left before asking', async () => {
    const agent = t.agent();
    const task = t.core.tasks.create({ title: 'a' });
    const controller = new AbortController();
    controller.abort();
    expect(await waitFor(agent.id, 5, controller.signal)).toBeNull();
    expect(t.core.tasks.get(task.id)).toMatchObject({ status: 'inbox', lease: null });
  });

  it('fail with 422 when their agent is deleted while they wait', async () => {
    const agent = t.agent();
    const pending = t.core.work.claim({ agent_id: agent.id, wait_s: 5 });
    await turn();
    t.core.agents.remove(agent.id);
    t.core.tasks.create({ title: 'a' });
    await expect(pending).rejects.toMatchObject({ code: 'unprocessable' });
    expect(t.core.work.waiting()).toBe(0);
  });

  it('answer null when the core closes', async () => {
    const agent = t.agent();
    const pending = waitFor(agent.id);
    await turn();
    t.core.work.close();
    expect(await pending).toBeNull();
  });
});
