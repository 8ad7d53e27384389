import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toAnswer } from '../errors.ts';
import { workLoopCore } from '../testing/work-loop.ts';

let t: ReturnType<typeof workLoopCore>;
beforeEach(() => {
  t = workLoopCore();
});
afterEach(() => t.close());

const list = () => t.core.attention.list();
const keys = () => list().map((i) => i.key);
const session = (taskId: string, agentId: string, ttl: number | null = 30) =>
  t.core.sessions.registerSubagent(taskId, {
    openclaw_session_id: `oc-${Math.random()}`,
    agent_id: agentId,
    agent_name: 'Worker',
    heartbeat_ttl_s: ttl,
  });
/** Claims the task for `agentId` and lets the lease run out; answers when it expired. */
const expire = (agentId: string, leaseS = 10) => {
  t.core.leases.claim(agentId, leaseS);
  t.sweepAfter(leaseS);
  return t.clock.now();
};

describe('the attention list', () => {
  it('is empty on a quiet board', () => {
    t.core.tasks.create({ title: 'calm' });
    expect(list()).toEqual([]);
    expect(t.core.run('attention.list', {})).toEqual({ items: [] });
  });

  it('holds a task while it waits in review, from when it got there', () => {
    const a = t.agent('Dev');
    const task = t.core.tasks.create({ title: 'Ship', status: 'assigned', assigned_agent_id: a.id });
    t.clock.advance(5);
    const moved = t.core.tasks.update(task.id, { status: 'review' });
    expect(list()).toEqual([
      {
        key: `review:${task.id}`,
        kind: 'review',
        task_id: task.id,
        agent_id: a.id,
        since: moved.updated_at,
        message: '"Ship" waits for review',
      },
    ]);
    t.core.review.decide(task.id, { decision: 'approve' });
    expect(list()).toEqual([]);
  });

  it('holds a stale session until it beats again', () => {
    const a = t.agent('Dev');
    const task = t.core.tasks.create({ title: 'a' });
    const s = session(task.id, a.id, 30);
    t.sweepAfter(29);
    expect(list()).toEqual([]);
    t.sweepAfter(1);
    expect(list()).toEqual([
      {
        key: `stale_session:${s.id}`,
        kind: 'stale_session',
        task_id: task.id,
        session_id: s.id,
        agent_id: a.id,
        since: t.clock.now(),
        message: 'Worker went silent (no heartbeat for 30 s)',
      },
    ]);
    t.core.sessions.heartbeat(s.id);
    expect(list()).toEqual([]);
  });

  it('holds a failed session for 24 hours after it ended, then lets it go; a completed one never', () => {
    const a = t.agent('Dev');
    const task = t.core.tasks.create({ title: 'a' });
    const failed = session(task.id, a.id, null);
    t.core.sessions.update(session(task.id, a.id, null).id, { status: 'completed' });
    const ended = t.core.sessions.update(failed.id, { status: 'failed' }).ended_at;
    expect(list()).toEqual([
      {
        key: `failed_session:${failed.id}`,
        kind: 'failed_session',
        task_id: task.id,
        session_id: failed.id,
        agent_id: a.id,
        since: ended,
        message: 'Worker failed',
      },
    ]);
    t.clock.advance(24 * 3600);
    expect(keys()).toEqual([`failed_session:${failed.id}`]);
    t.clock.advance(0.001);
    expect(list()).toEqual([]);
  });

  it('holds a task handed back by lease expiry until it is claimed again', () => {
    const a = t.agent('Dev');
    const task = t.core.tasks.create({ title: 'Flaky', status: 'assigned', assigned_agent_id: a.id });
    const expiredAt = expire(a.id);
    expect(list()).toEqual([
      {
        key: `lease_expired:${task.id}`,
        kind: 'lease_expired',
        task_id: task.id,
        agent_id: a.id,
        since: expiredAt,
        message: '"Flaky" was handed back: its lease expired',
      },
    ]);
    t.clock.advance(60);
    expect(keys()).toEqual([`lease_expired:${task.id}`]);
    t.core.leases.claim(a.id);
    expect(list()).toEqual([]);
  });

  it('drops a handed-back task the operator moved on (done), and says nothing of a release', () => {
    const a = t.agent('Dev');
    const task = t.core.tasks.create({ title: 'a' });
    expire(a.id);
    t.core.tasks.update(task.id, { status: 'done' });
    expect(list()).toEqual([]);
    const other = t.core.tasks.create({ title: 'b' });
    t.core.leases.claim(a.id);
    t.core.leases.release(other.id, a.id);
    expect(list()).toEqual([]);
  });

  it('calls a task stuck after its third expiry (instead of lease_expired), until it is claimed again', () => {
    const a = t.agent('Dev');
    const task = t.core.tasks.create({ title: 'Cursed' });
    expire(a.id);
    expire(a.id);
    expect(list().map((i) => i.kind)).toEqual(['lease_expired']);
    const third = expire(a.id);
    expect(list()).toEqual([
      {
        key: `stuck:${task.id}`,
        kind: 'stuck',
        task_id: task.id,
        since: third,
        message: '"Cursed" is stuck: its lease expired 3 times',
      },
    ]);
    t.core.leases.claim(a.id);
    expect(list()).toEqual([]);
  });

  it('lists everything at once, oldest first', () => {
    const a = t.agent('Dev');
    const leased = t.core.tasks.create({ title: 'leased' });
    expire(a.id);
    t.clock.advance(1);
    const reviewed = t.core.tasks.create({ title: 'r', status: 'review' });
    t.clock.advance(1);
    const s = session(reviewed.id, a.id, null);
    t.core.sessions.update(s.id, { status: 'failed' });
    expect(keys()).toEqual([`lease_expired:${leased.id}`, `review:${reviewed.id}`, `failed_session:${s.id}`]);
  });
});

describe('dismissing an attention item', () => {
  it('hides it, emits attention_dismissed, and leaves the others alone', () => {
    const one = t.core.tasks.create({ title: 'one', status: 'review' });
    const two = t.core.tasks.create({ title: 'two', status: 'review' });
    t.published.length = 0;
    expect(t.core.attention.dismiss(`review:${one.id}`)).toEqual({ key: `review:${one.id}` });
    expect(keys()).toEqual([`review:${two.id}`]);
    expect(t.published.map((e) => e.type)).toEqual(['attention_dismissed']);
    expect(t.payloads('attention_dismissed')).toEqual([{ key: `review:${one.id}`, since: one.updated_at }]);
  });

  it('brings it back when its subject changes: a task leaving review and coming back', () => {
    const task = t.core.tasks.create({ title: 'a', status: 'review' });
    t.core.attention.dismiss(`review:${task.id}`);
    t.clock.advance(5);
    t.core.tasks.update(task.id, { status: 'in_progress' });
    expect(list()).toEqual([]);
    t.clock.advance(5);
    const back = t.core.tasks.update(task.id, { status: 'review' });
    expect(list()).toEqual([expect.objectContaining({ key: `review:${task.id}`, since: back.updated_at })]);
  });

  it('keeps a dismissed review item hidden while the task is only edited (its since is when it entered review)', () => {
    const task = t.core.tasks.create({ title: 'a', status: 'review' });
    t.core.attention.dismiss(`review:${task.id}`);
    t.clock.advance(5);
    t.core.tasks.update(task.id, { title: 'a, retitled', priority: 'high' });
    expect(list()).toEqual([]);
  });

  it('forgets a lease expiry once the operator moves the task on by hand, even if it comes back later', () => {
    const a = t.agent('Dev');
    const task = t.core.tasks.create({ title: 'a' });
    expire(a.id);
    expect(keys()).toEqual([`lease_expired:${task.id}`]);
    t.core.tasks.update(task.id, { status: 'review', assigned_agent_id: a.id });
    t.core.review.decide(task.id, { decision: 'request_changes', comment: 'again' });
    expect(t.core.tasks.get(task.id).status).toBe('assigned');
    expect(keys()).toEqual([]);
  });

  it('brings a dismissed lease_expired back on the next expiry, and a dismissed stale session when it goes stale again', () => {
    const a = t.agent('Dev');
    const task = t.core.tasks.create({ title: 'a' });
    const s = session(task.id, a.id, 30);
    expire(a.id);
    t.sweepAfter(30);
    expect(
      list()
        .map((i) => i.kind)
        .sort(),
    ).toEqual(['lease_expired', 'stale_session']);
    for (const key of keys()) t.core.attention.dismiss(key);
    expect(list()).toEqual([]);

    expire(a.id);
    expect(keys()).toEqual([`lease_expired:${task.id}`]);
    t.core.sessions.heartbeat(s.id);
    t.sweepAfter(30);
    expect(keys()).toEqual([`lease_expired:${task.id}`, `stale_session:${s.id}`]);
  });

  it('is 404 for a key not on the list (unknown, or already dismissed), and emits nothing', () => {
    const task = t.core.tasks.create({ title: 'a', status: 'review' });
    t.core.attention.dismiss(`review:${task.id}`);
    t.published.length = 0;
    for (const key of ['nope', `review:${task.id}`, `stuck:${task.id}`]) {
      let error: unknown;
      try {
        t.core.attention.dismiss(key);
      } catch (e) {
        error = e;
      }
      expect(toAnswer(error)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    }
    expect(t.published).toEqual([]);
  });
});
