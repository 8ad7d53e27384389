import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskCreate } from '../../shared/inputs.ts';
import { toAnswer } from '../errors.ts';
import { workLoopCore } from '../testing/work-loop.ts';

let t: ReturnType<typeof workLoopCore>;
beforeEach(() => {
  t = workLoopCore();
});
afterEach(() => t.close());

/** Creates a task one second after the previous one, so "oldest" is unambiguous. */
const task = (input: TaskCreate) => {
  t.clock.advance(1);
  return t.core.tasks.create(input);
};
/** Claims for `agentId` until nothing is left; answers the titles in claim order. */
const drain = (agentId: string): string[] => {
  const titles: string[] = [];
  for (let claim = t.core.leases.claim(agentId); claim; claim = t.core.leases.claim(agentId))
    titles.push(claim.task.title);
  return titles;
};

describe('claim order', () => {
  it('takes tasks assigned to the agent first, then by priority urgent > high > normal > low, then oldest', () => {
    const a = t.agent('A');
    task({ title: 'low old', priority: 'low' });
    task({ title: 'urgent old', priority: 'urgent' });
    task({ title: 'normal', priority: 'normal' });
    task({ title: 'high', priority: 'high' });
    task({ title: 'mine low', priority: 'low', status: 'assigned', assigned_agent_id: a.id });
    task({ title: 'urgent new', priority: 'urgent' });
    task({ title: 'mine urgent in inbox', priority: 'urgent', assigned_agent_id: a.id });

    expect(drain(a.id)).toEqual([
      'mine urgent in inbox',
      'mine low',
      'urgent old',
      'urgent new',
      'high',
      'normal',
      'low old',
    ]);
  });

  it('takes the oldest of equal priority even when a newer one was created in the same millisecond', () => {
    const a = t.agent('A');
    const first = t.core.tasks.create({ title: 'first' });
    t.core.tasks.create({ title: 'second' });
    expect(t.core.leases.claim(a.id)?.task.id).toBe(first.id);
  });
});

describe('what is claimable', () => {
  it('is an unassigned inbox task, or an inbox or assigned task assigned to the agent, and nothing else', () => {
    const a = t.agent('A');
    const b = t.agent('B');
    task({ title: 'inbox unassigned' });
    task({ title: 'inbox mine', assigned_agent_id: a.id });
    task({ title: 'assigned mine', status: 'assigned', assigned_agent_id: a.id });
    task({ title: 'inbox theirs', assigned_agent_id: b.id });
    task({ title: 'assigned theirs', status: 'assigned', assigned_agent_id: b.id });
    task({ title: 'assigned to nobody', status: 'assigned' });
    for (const status of ['in_progress', 'review', 'done'] as const) {
      task({ title: `${status} unassigned`, status });
      task({ title: `${status} mine`, status, assigned_agent_id: a.id });
    }

    expect(drain(a.id).sort()).toEqual(['assigned mine', 'inbox mine', 'inbox unassigned']);
    expect(drain(b.id).sort()).toEqual(['assigned theirs', 'inbox theirs']);
  });

  it('never takes a task with a live lease, even from another agent', () => {
    const a = t.agent('A');
    const b = t.agent('B');
    const only = task({ title: 'only' });
    expect(t.core.leases.claim(a.id)?.task.id).toBe(only.id);
    expect(t.core.leases.claim(b.id)).toBeNull();
    expect(t.core.leases.claim(a.id)).toBeNull();
    // Even a row that reads "inbox" is not claimable while a lease is on it.
    t.core.db
      .prepare("UPDATE tasks SET status = 'inbox', assigned_agent_id = NULL WHERE id = ?")
      .run(only.id);
    expect(t.core.leases.claim(b.id)).toBeNull();
  });

  it('answers null when nothing is claimable, and still counts the claim as seeing the agent', () => {
    const a = t.agent('A');
    expect(t.core.run('work.claim', { agent_id: a.id })).toBeNull();
    expect(t.core.agents.get(a.id)).toMatchObject({ presence: 'online', last_seen_at: t.clock.now() });
  });
});

describe('claiming', () => {
  it('refuses an unknown agent with 422 and writes nothing', () => {
    task({ title: 'a' });
    const before = t.core.events.bounds().latest;
    let error: unknown;
    try {
      t.core.run('work.claim', { agent_id: 'ghost' });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'unprocessable' });
    expect(toAnswer(error).status).toBe(422);
    expect(t.core.tasks.list()[0]).toMatchObject({ status: 'inbox', claim_count: 0, lease: null });
    expect(t.core.events.bounds().latest).toBe(before);
  });

  it('moves the task to in_progress, assigns it, leases it, counts it, logs it and emits task_updated', () => {
    const a = t.agent('Dev');
    const created = task({ title: 'Build it' });
    t.published.length = 0;

    const claim = t.core.run('work.claim', { agent_id: a.id, lease_s: 120 });
    const lease = { agent_id: a.id, expires_at: t.clock.in(120), lease_s: 120 };
    expect(claim).toEqual({ task: expect.objectContaining({ id: created.id }), lease });
    const stored = t.core.tasks.get(created.id);
    expect(stored).toMatchObject({
      status: 'in_progress',
      assigned_agent_id: a.id,
      lease,
      claim_count: 1,
      version: created.version + 1,
    });
    expect(t.payloads('task_updated')).toEqual([
      { ...stored, previous_status: 'inbox', previous_assigned_agent_id: null },
    ]);
    expect(t.core.activities.list(created.id)).toEqual([
      expect.objectContaining({
        activity_type: 'status_changed',
        agent_id: a.id,
        message: 'Claimed by Dev (lease 120 s)',
        metadata: expect.objectContaining({ from: 'inbox', to: 'in_progress' }),
      }),
    ]);
    expect(t.published.map((e) => e.type).sort()).toEqual([
      'activity_logged',
      'agent_updated',
      'task_updated',
    ]);
  });

  it('leases for 300 s when lease_s is not given', () => {
    const a = t.agent();
    task({ title: 'a' });
    expect(t.core.run('work.claim', { agent_id: a.id })).toMatchObject({
      lease: { expires_at: t.clock.in(300), lease_s: 300 },
    });
  });

  it('counts every claim in claim_count, whatever became of it', () => {
    const a = t.agent();
    const created = task({ title: 'a' });
    t.core.leases.claim(a.id);
    t.core.leases.release(created.id, a.id);
    t.core.leases.claim(a.id);
    t.core.tasks.update(created.id, { status: 'inbox' });
    expect(t.core.leases.claim(a.id)?.task.claim_count).toBe(3);
  });
});
