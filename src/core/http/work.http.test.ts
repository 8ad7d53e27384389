// The work loop over real HTTP: claims, leases, releases, heartbeats, dependencies, and their errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(() => s.close());

// biome-ignore lint/suspicious/noExplicitAny: test answers are asserted field by field
type Json = any;
async function call(method: string, path: string, json?: unknown, headers: Record<string, string> = {}) {
  const res = await s.api(path, { method, json, headers });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json, text };
}
const post = (path: string, json?: unknown) => call('POST', path, json);
const agent = async (name = 'Dev') => (await post('/api/agents', { name })).body.id as string;
const task = async (body: object = {}) => (await post('/api/tasks', { title: 'Work', ...body })).body;
const claim = (agent_id: string, extra: object = {}) => post('/api/work/claim', { agent_id, ...extra });

describe('POST /api/work/claim', () => {
  it('claims the next task with a lease, then answers 204 with no body when nothing is left', async () => {
    const a = await agent();
    const low = await task({ title: 'low', priority: 'low' });
    const urgent = await task({ title: 'urgent', priority: 'urgent' });
    const mine = await task({ title: 'mine', status: 'assigned', assigned_agent_id: a, priority: 'low' });
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await claim(a, { lease_s: 60 });
      expect(res.status).toBe(200);
      expect(res.body.lease).toEqual({ agent_id: a, lease_s: 60, expires_at: expect.any(String) });
      expect(res.body.task).toMatchObject({ status: 'in_progress', assigned_agent_id: a, claim_count: 1 });
      expect(res.body.task.lease).toEqual(res.body.lease);
      const left = Date.parse(res.body.lease.expires_at) - Date.now();
      expect(left).toBeGreaterThan(55_000);
      expect(left).toBeLessThanOrEqual(60_000);
      order.push(res.body.task.id);
    }
    expect(order).toEqual([mine.id, urgent.id, low.id]);
    const none = await claim(a);
    expect(none.status).toBe(204);
    expect(none.text).toBe('');
    const seen = (await call('GET', `/api/agents/${a}`)).body;
    expect(seen).toMatchObject({ presence: 'online', last_seen_at: expect.any(String) });
  });

  it.each([
    [{}, 'agent_id'],
    [{ agent_id: '' }, 'agent_id'],
    [{ agent_id: 'a', wait_s: 61 }, 'wait_s'],
    [{ agent_id: 'a', wait_s: -1 }, 'wait_s'],
    [{ agent_id: 'a', wait_s: 1.5 }, 'wait_s'],
    [{ agent_id: 'a', lease_s: 9 }, 'lease_s'],
    [{ agent_id: 'a', lease_s: 3601 }, 'lease_s'],
    [{ agent_id: 'a', lease_s: '300' }, 'lease_s'],
    [{ agent_id: 'a', extra: 1 }, ''],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const res = await post('/api/work/claim', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    if (field) expect(res.body.error.details).toContainEqual(expect.objectContaining({ path: field }));
  });

  it('answers 400 without a body and 422 for an unknown agent, claiming nothing', async () => {
    const t = await task();
    expect((await post('/api/work/claim')).status).toBe(400);
    const res = await claim('ghost');
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual({ field: 'agent_id', id: 'ghost' });
    expect((await call('GET', `/api/tasks/${t.id}`)).body).toMatchObject({ status: 'inbox', claim_count: 0 });
  });

  it('never claims a blocked task, and claims it once its dependency is done', async () => {
    const a = await agent();
    const first = await task({ title: 'first', status: 'review' });
    const second = await task({ title: 'second', depends_on: [first.id] });
    expect(second).toMatchObject({ depends_on: [first.id], blocked: true });
    expect((await claim(a)).status).toBe(204);
    await call('PATCH', `/api/tasks/${first.id}`, { status: 'done' });
    expect((await call('GET', `/api/tasks/${second.id}`)).body.blocked).toBe(false);
    expect((await claim(a)).body.task.id).toBe(second.id);
  });
});

describe('POST /api/tasks/:id/lease and /release', () => {
  it('renews the holder’s lease (new length, later expiry) and refuses anyone else with 409 lease_lost', async () => {
    const [a, b] = [await agent('A'), await agent('B')];
    const t = await task();
    const claimed = (await claim(a, { lease_s: 10 })).body;
    const renewed = await post(`/api/tasks/${t.id}/lease`, { agent_id: a, lease_s: 600 });
    expect(renewed.status).toBe(200);
    expect(renewed.body.lease).toMatchObject({ agent_id: a, lease_s: 600 });
    expect(renewed.body.task.lease).toEqual(renewed.body.lease);
    expect(Date.parse(renewed.body.lease.expires_at)).toBeGreaterThan(Date.parse(claimed.lease.expires_at));
    const again = await post(`/api/tasks/${t.id}/lease`, { agent_id: a });
    expect(again.body.lease.lease_s).toBe(600);
    const stolen = await post(`/api/tasks/${t.id}/lease`, { agent_id: b });
    expect(stolen.status).toBe(409);
    expect(stolen.body.error).toMatchObject({ code: 'lease_lost', details: { task_id: t.id, agent_id: b } });
    expect((await post(`/api/tasks/${t.id}/release`, { agent_id: b })).status).toBe(409);
    expect((await call('GET', `/api/tasks/${t.id}`)).body.lease.agent_id).toBe(a);
  });

  it('releases back where the claim took it from, after which renew and release are lease_lost', async () => {
    const [a, b] = [await agent('A'), await agent('B')];
    const open = await task({ title: 'open' });
    const mine = await task({ title: 'mine', status: 'assigned', assigned_agent_id: a });
    // B cannot take A's assigned task, so B's claim is the open one.
    for (const [who, t, status, assignee] of [
      [a, mine, 'assigned', a],
      [b, open, 'inbox', null],
    ] as const) {
      expect((await claim(who)).body.task.id).toBe(t.id);
      const released = await post(`/api/tasks/${t.id}/release`, { agent_id: who });
      expect(released.status).toBe(200);
      expect(released.body).toMatchObject({ id: t.id, status, assigned_agent_id: assignee, lease: null });
      expect(released.body.claim_count).toBe(1);
      for (const path of ['lease', 'release']) {
        const res = await post(`/api/tasks/${t.id}/${path}`, { agent_id: who });
        expect([path, res.status, res.body.error.code]).toEqual([path, 409, 'lease_lost']);
      }
    }
  });

  it('ends the lease when anyone moves the task on or reassigns it', async () => {
    const [a, b] = [await agent('A'), await agent('B')];
    const t1 = await task({ title: 'moved' });
    const t2 = await task({ title: 'reassigned' });
    await claim(a);
    await claim(a);
    expect((await call('PATCH', `/api/tasks/${t1.id}`, { status: 'review' })).body.lease).toBeNull();
    expect((await call('PATCH', `/api/tasks/${t2.id}`, { assigned_agent_id: b })).body.lease).toBeNull();
    for (const t of [t1, t2])
      expect((await post(`/api/tasks/${t.id}/lease`, { agent_id: a })).body.error.code).toBe('lease_lost');
  });

  it('answers 404 for an unknown task, 422 for an unknown agent, 400 for bad input', async () => {
    const a = await agent();
    const t = await task();
    await claim(a);
    for (const path of ['lease', 'release']) {
      const missing = await post(`/api/tasks/nope/${path}`, { agent_id: a });
      expect([path, missing.status, missing.body.error.code]).toEqual([path, 404, 'not_found']);
      const ghost = await post(`/api/tasks/${t.id}/${path}`, { agent_id: 'ghost' });
      expect([path, ghost.status, ghost.body.error.details]).toEqual([
        path,
        422,
        { field: 'agent_id', id: 'ghost' },
      ]);
      expect((await post(`/api/tasks/${t.id}/${path}`, {})).status).toBe(400);
      expect((await post(`/api/tasks/${t.id}/${path}`, { agent_id: a, extra: true })).status).toBe(400);
    }
    for (const lease_s of [9, 3601, 'x'])
      expect((await post(`/api/tasks/${t.id}/lease`, { agent_id: a, lease_s })).status).toBe(400);
    expect((await call('GET', `/api/tasks/${t.id}`)).body.lease.agent_id).toBe(a);
  });
});
