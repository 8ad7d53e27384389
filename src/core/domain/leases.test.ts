import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toAnswer } from '../errors.ts';
import { workLoopCore } from '../testing/work-loop.ts';

let t: ReturnType<typeof workLoopCore>;
beforeEach(() => {
  t = workLoopCore();
});
afterEach(() => t.close());

const lastActivity = (taskId: string) => t.core.activities.list(taskId, { order: 'desc', limit: 1 })[0];
/** The error `fn` throws, so a test can check its code and its HTTP status. */
const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};
const expectLeaseLost = (fn: () => unknown) => {
  const error = thrown(fn);
  expect(error).toMatchObject({ name: 'DomainError', code: 'lease_lost' });
  expect(toAnswer(error).status).toBe(409);
};

describe('lease expiry', () => {
  it('hands a task claimed from the inbox back to the inbox, unassigned, saying who went silent', () => {
    const a = t.agent('Dev');
    const created = t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(a.id, 60);
    t.published.length = 0;

    expect(t.sweepAfter(60).expiredLeases).toBe(1);
    const task = t.core.tasks.get(created.id);
    expect(task).toMatchObject({ status: 'inbox', assigned_agent_id: null, lease: null, claim_count: 1 });
    expect(t.payloads('task_updated')).toEqual([
      { ...task, previous_status: 'in_progress', previous_assigned_agent_id: a.id },
    ]);
    expect(lastActivity(created.id)).toMatchObject({
      activity_type: 'status_changed',
      agent_id: null,
      message: 'Lease expired: Dev went silent (no renewal for 60 s); handed back to Inbox',
      metadata: expect.objectContaining({
        from: 'in_progress',
        to: 'inbox',
        lease: 'expired',
        agent_id: a.id,
      }),
    });
    expect(t.payloads('activity_logged')).toHaveLength(1);
  });

  it('hands a task claimed from Assigned back to the same agent', () => {
    const a = t.agent('Dev');
    const created = t.core.tasks.create({ title: 'a', status: 'assigned', assigned_agent_id: a.id });
    t.core.leases.claim(a.id, 60);
    t.sweepAfter(60);
    expect(t.core.tasks.get(created.id)).toMatchObject({
      status: 'assigned',
      assigned_agent_id: a.id,
      lease: null,
    });
    expect(lastActivity(created.id)?.message).toBe(
      'Lease expired: Dev went silent (no renewal for 60 s); handed back to Assigned (Dev)',
    );
  });

  it('expires at expires_at, not a millisecond before', () => {
    const a = t.agent();
    const created = t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(a.id, 60);
    expect(t.sweepAfter(59.999).expiredLeases).toBe(0);
    expect(t.core.tasks.get(created.id).status).toBe('in_progress');
    expect(t.sweepAfter(0.001).expiredLeases).toBe(1);
    expect(t.core.tasks.get(created.id).status).toBe('inbox');
  });

  it('says the task is stuck when it is handed back by expiry for the third time', () => {
    const a = t.agent('Dev');
    const created = t.core.tasks.create({ title: 'a' });
    const messages: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.core.leases.claim(a.id, 10);
      t.sweepAfter(10);
      messages.push(lastActivity(created.id)?.message ?? '');
    }
    expect(messages.map((m) => m.includes('stuck'))).toEqual([false, false, true]);
    expect(messages[2]).toMatch(/stuck after 3 expiries$/);
  });

  it('hands a task back to the inbox, unassigned, when the agent it was assigned to was deleted', () => {
    const a = t.agent('Dev');
    const created = t.core.tasks.create({ title: 'a', status: 'assigned', assigned_agent_id: a.id });
    t.core.leases.claim(a.id, 60);
    t.core.agents.remove(a.id);
    expect(t.sweepAfter(60).expiredLeases).toBe(1);
    expect(t.core.tasks.get(created.id)).toMatchObject({
      status: 'inbox',
      assigned_agent_id: null,
      lease: null,
    });
    expect(t.core.leases.nextExpiry()).toBeNull();
  });

  it('counts a lease as expired once its time has passed, even before the sweeper runs', () => {
    const a = t.agent();
    const created = t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(a.id, 60);
    t.clock.advance(60);
    expectLeaseLost(() => t.core.leases.renew(created.id, a.id));
    expectLeaseLost(() => t.core.leases.release(created.id, a.id));
    t.core.sweeper.sweep();
    expectLeaseLost(() => t.core.leases.renew(created.id, a.id));
  });
});

describe('renewing a lease', () => {
  it('moves expires_at from now, emits no event, and tasks.get shows the new expiry', () => {
    const a = t.agent();
    const created = t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(a.id, 60);
    t.clock.advance(45);
    t.published.length = 0;

    const renewed = t.core.run('tasks.renewLease', { id: created.id, agent_id: a.id });
    const lease = { agent_id: a.id, expires_at: t.clock.in(60), lease_s: 60 };
    expect(renewed).toMatchObject({ task: { id: created.id, lease }, lease });
    expect(t.published).toEqual([]);
    expect(t.core.run('tasks.get', { id: created.id })).toMatchObject({ lease, status: 'in_progress' });

    expect(t.sweepAfter(59.999).expiredLeases).toBe(0);
    expect(t.sweepAfter(0.001).expiredLeases).toBe(1);
  });

  it('takes a new lease_s when one is given', () => {
    const a = t.agent();
    const created = t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(a.id, 60);
    const renewed = t.core.run('tasks.renewLease', { id: created.id, agent_id: a.id, lease_s: 600 });
    expect(renewed).toMatchObject({ lease: { expires_at: t.clock.in(600), lease_s: 600 } });
  });
});

describe('releasing a task', () => {
  it('hands a task from the inbox back to the inbox, unassigned, with an activity and task_updated', () => {
    const a = t.agent('Dev');
    const created = t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(a.id);
    t.published.length = 0;

    const released = t.core.run('tasks.release', { id: created.id, agent_id: a.id });
    expect(released).toMatchObject({ status: 'inbox', assigned_agent_id: null, lease: null });
    expect(t.payloads('task_updated')).toEqual([
      { ...t.core.tasks.get(created.id), previous_status: 'in_progress', previous_assigned_agent_id: a.id },
    ]);
    expect(lastActivity(created.id)).toMatchObject({
      agent_id: a.id,
      message: 'Released by Dev; handed back to Inbox',
    });
  });

  it('hands a task from Assigned back to the same agent, and it can be claimed again at once', () => {
    const a = t.agent('Dev');
    const created = t.core.tasks.create({ title: 'a', status: 'assigned', assigned_agent_id: a.id });
    t.core.leases.claim(a.id);
    expect(t.core.leases.release(created.id, a.id)).toMatchObject({
      status: 'assigned',
      assigned_agent_id: a.id,
      lease: null,
    });
    expect(t.core.leases.claim(a.id)?.task.id).toBe(created.id);
  });
});

describe('lease_lost', () => {
  it('answers another agent that renews or releases a lease it does not hold', () => {
    const a = t.agent('A');
    const b = t.agent('B');
    const created = t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(a.id);
    expectLeaseLost(() => t.core.run('tasks.renewLease', { id: created.id, agent_id: b.id }));
    expectLeaseLost(() => t.core.run('tasks.release', { id: created.id, agent_id: b.id }));
    expect(t.core.tasks.get(created.id)).toMatchObject({ status: 'in_progress', lease: { agent_id: a.id } });
  });

  it('answers when the task was moved out of in_progress: the move ended the lease', () => {
    const a = t.agent();
    const created = t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(a.id);
    expect(t.core.tasks.update(created.id, { status: 'review' }).lease).toBeNull();
    expectLeaseLost(() => t.core.leases.renew(created.id, a.id));
    expectLeaseLost(() => t.core.leases.release(created.id, a.id));
    expect(t.core.tasks.get(created.id).status).toBe('review');
    expect(t.core.sweeper.nextDue()).not.toBeNull(); // the agent's presence still decays
    expect(t.core.leases.nextExpiry()).toBeNull();
  });

  it('answers when the task was reassigned in progress: the reassignment ended the lease', () => {
    const a = t.agent('A');
    const b = t.agent('B');
    const created = t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(a.id);
    expect(t.core.tasks.update(created.id, { assigned_agent_id: b.id }).lease).toBeNull();
    expectLeaseLost(() => t.core.leases.renew(created.id, a.id));
  });

  it('keeps the lease through an edit that leaves the task in progress with its holder', () => {
    const a = t.agent();
    const created = t.core.tasks.create({ title: 'a' });
    const claim = t.core.leases.claim(a.id);
    expect(t.core.tasks.update(created.id, { title: 'b', status: 'in_progress' }).lease).toEqual(
      claim?.lease,
    );
    expect(t.core.leases.renew(created.id, a.id).lease.agent_id).toBe(a.id);
  });

  // A deleted task is an unknown id in the path: 404 (CONTROL_LOOP general rules), which also
  // tells the agent to stop; the lease is gone with the row.
  it('answers not_found once the task was deleted', () => {
    const a = t.agent();
    const created = t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(a.id);
    t.core.tasks.remove(created.id);
    for (const fn of [
      () => t.core.leases.renew(created.id, a.id),
      () => t.core.leases.release(created.id, a.id),
    ]) {
      const error = thrown(fn);
      expect(error).toMatchObject({ code: 'not_found' });
      expect(toAnswer(error).status).toBe(404);
    }
    expect(t.core.leases.nextExpiry()).toBeNull();
  });

  it('answers 422 for an unknown agent rather than a lost lease', () => {
    const a = t.agent();
    const created = t.core.tasks.create({ title: 'a' });
    t.core.leases.claim(a.id);
    expect(thrown(() => t.core.leases.renew(created.id, 'ghost'))).toMatchObject({ code: 'unprocessable' });
  });
});
