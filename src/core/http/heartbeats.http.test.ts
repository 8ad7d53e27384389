// Heartbeats (agents and sessions), dependencies and device tokens on the work-loop routes, over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SseReader, startTestServer, TEST_TOKEN, type TestServer } from '../testing/harness.ts';

let s: TestServer;
const readers: SseReader[] = [];
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(async () => {
  for (const r of readers.splice(0)) r.close();
  await s.close();
});

// biome-ignore lint/suspicious/noExplicitAny: test answers are asserted field by field
type Json = any;
async function call(method: string, path: string, json?: unknown, headers: Record<string, string> = {}) {
  const res = await s.api(path, { method, json, headers });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
}
const post = (path: string, json?: unknown) => call('POST', path, json);
const agent = async (name = 'Dev') => (await post('/api/agents', { name })).body.id as string;
const task = async (body: object = {}) => (await post('/api/tasks', { title: 'Work', ...body })).body;
const raw = (path: string, init: RequestInit) =>
  fetch(`${s.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${TEST_TOKEN}`, ...(init.headers as object) },
  });

describe('POST /api/agents/:id/heartbeat', () => {
  it('answers the agent online with or without a body, emitting agent_updated only when presence changes', async () => {
    const a = await agent();
    expect((await call('GET', `/api/agents/${a}`)).body).toMatchObject({
      presence: 'unknown',
      last_seen_at: null,
    });
    const reader = await SseReader.open(`${s.url}/api/events/stream`);
    readers.push(reader);
    const bare = await raw(`/api/agents/${a}/heartbeat`, { method: 'POST' });
    expect(bare.status).toBe(200);
    const first = (await bare.json()) as Json;
    expect(first).toMatchObject({ id: a, presence: 'online', last_seen_at: expect.any(String) });
    const withBody = await post(`/api/agents/${a}/heartbeat`, {});
    expect(withBody.status).toBe(200);
    expect(withBody.body.last_seen_at >= first.last_seen_at).toBe(true);
    // JSON helpers that always send the type, with nothing after it.
    const empty = await raw(`/api/agents/${a}/heartbeat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '',
    });
    expect(empty.status).toBe(200);
    await task({ title: 'marker' });
    await reader.until((r) => r.events.some((e) => e.type === 'task_created'));
    const updates = reader.events.filter((e) => e.type === 'agent_updated');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.payload).toMatchObject({ id: a, presence: 'online' });
  });

  it('renews every lease the agent holds', async () => {
    const a = await agent();
    const t = await task();
    const claimed = (await post('/api/work/claim', { agent_id: a, lease_s: 10 })).body;
    await new Promise((r) => setTimeout(r, 20));
    expect((await post(`/api/agents/${a}/heartbeat`)).status).toBe(200);
    const lease = (await call('GET', `/api/tasks/${t.id}`)).body.lease;
    expect(lease).toMatchObject({ agent_id: a, lease_s: 10 });
    expect(Date.parse(lease.expires_at)).toBeGreaterThan(Date.parse(claimed.lease.expires_at));
  });

  it('answers 404 for an unknown agent and 400 for a body with fields', async () => {
    const a = await agent();
    const missing = await post('/api/agents/ghost/heartbeat', {});
    expect([missing.status, missing.body.error.code]).toEqual([404, 'not_found']);
    expect((await post(`/api/agents/${a}/heartbeat`, { status: 'working' })).status).toBe(400);
    expect((await post(`/api/agents/${a}/heartbeat`, [])).status).toBe(400);
  });
});

describe('POST /api/openclaw/sessions/:id/heartbeat', () => {
  const register = async (ttl?: number, openclaw_session_id = 'oc-1') => {
    const t = await task();
    const body = { openclaw_session_id, agent_name: 'sub', ...(ttl ? { heartbeat_ttl_s: ttl } : {}) };
    return post(`/api/tasks/${t.id}/subagent`, body);
  };

  it('accepts our id or the openclaw_session_id, with or without a body', async () => {
    const created = await register(60);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ heartbeat_ttl_s: 60, last_heartbeat_at: null, status: 'active' });
    const { id, openclaw_session_id } = created.body;
    const ours = await post(`/api/openclaw/sessions/${id}/heartbeat`);
    expect(ours.status).toBe(200);
    expect(ours.body).toMatchObject({ id, status: 'active', last_heartbeat_at: expect.any(String) });
    const theirs = await post(`/api/openclaw/sessions/${openclaw_session_id}/heartbeat`, {});
    expect(theirs.status).toBe(200);
    expect(theirs.body.id).toBe(id);
    expect((await call('GET', `/api/openclaw/sessions/${id}`)).body.last_heartbeat_at).toBe(
      theirs.body.last_heartbeat_at,
    );
  });

  it('makes a stale session active again, and answers 409 session_ended once it has ended', async () => {
    const { id, openclaw_session_id } = (await register(10)).body;
    s.core.sessions.markStale(new Date(Date.now() + 11_000).toISOString()); // the ttl ran out
    expect((await call('GET', `/api/openclaw/sessions/${id}`)).body.status).toBe('stale');
    expect((await post(`/api/openclaw/sessions/${id}/heartbeat`)).body.status).toBe('active');
    expect((await call('PATCH', `/api/openclaw/sessions/${id}`, { status: 'completed' })).status).toBe(200);
    for (const ref of [id, openclaw_session_id]) {
      const res = await post(`/api/openclaw/sessions/${ref}/heartbeat`);
      expect([res.status, res.body.error.code]).toEqual([409, 'session_ended']);
    }
  });

  it('answers 404 for an unknown session and 400 for an out-of-range ttl or a body with fields', async () => {
    expect((await post('/api/openclaw/sessions/nope/heartbeat')).status).toBe(404);
    for (const ttl of [9, 86_401]) expect((await register(ttl, `oc-${ttl}`)).status).toBe(400);
    const { id } = (await register()).body;
    expect((await post(`/api/openclaw/sessions/${id}/heartbeat`, { ttl: 5 })).status).toBe(400);
  });
});

describe('depends_on on create and PATCH', () => {
  it('answers 422 for an unknown task, 409 dependency_cycle for a cycle (self included), 400 for bad input', async () => {
    const a = await task({ title: 'a' });
    const unknown = await post('/api/tasks', { title: 'x', depends_on: ['ghost'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details).toMatchObject({ field: 'depends_on', ids: ['ghost'] });
    expect((await call('PATCH', `/api/tasks/${a.id}`, { depends_on: [a.id, 'ghost'] })).status).toBe(422);
    const self = await call('PATCH', `/api/tasks/${a.id}`, { depends_on: [a.id] });
    expect([self.status, self.body.error.code]).toEqual([409, 'dependency_cycle']);
    const b = await task({ title: 'b', depends_on: [a.id] });
    const c = await task({ title: 'c', depends_on: [b.id] });
    const cycle = await call('PATCH', `/api/tasks/${a.id}`, { depends_on: [c.id] });
    expect([cycle.status, cycle.body.error.code]).toEqual([409, 'dependency_cycle']);
    expect((await call('GET', `/api/tasks/${a.id}`)).body.depends_on).toEqual([]);
    expect((await post('/api/tasks', { title: 'x', depends_on: a.id })).status).toBe(400);
    expect((await call('PATCH', `/api/tasks/${a.id}`, { depends_on: [1] })).status).toBe(400);
  });

  it('replaces the set on PATCH, and blocked follows the dependencies', async () => {
    const a = await task({ title: 'a' });
    const b = await task({ title: 'b', status: 'done' });
    const c = await task({ title: 'c', depends_on: [a.id] });
    expect(c.blocked).toBe(true);
    const patched = await call('PATCH', `/api/tasks/${c.id}`, { depends_on: [b.id] });
    expect(patched.body).toMatchObject({ depends_on: [b.id], blocked: false });
    expect((await call('PATCH', `/api/tasks/${c.id}`, { depends_on: [] })).body.depends_on).toEqual([]);
  });
});

describe('device tokens on the work-loop routes', () => {
  it('refuses every write of a read-only device with 403 read_only, and lets a read-write device claim', async () => {
    const a = await agent();
    const t = await task();
    const sub = (await post(`/api/tasks/${t.id}/subagent`, { openclaw_session_id: 'oc-d' })).body;
    const token = async (scope: string) =>
      (await post('/api/devices', { name: scope, scope })).body.token as string;
    const read = await token('read');
    for (const [path, json] of [
      ['/api/work/claim', { agent_id: a }],
      [`/api/tasks/${t.id}/lease`, { agent_id: a }],
      [`/api/tasks/${t.id}/release`, { agent_id: a }],
      [`/api/agents/${a}/heartbeat`, undefined],
      [`/api/openclaw/sessions/${sub.id}/heartbeat`, {}],
    ] as const) {
      const res = await call('POST', path, json, { authorization: `Bearer ${read}` });
      expect([path, res.status, res.body.error.code]).toEqual([path, 403, 'read_only']);
    }
    const patch = await call(
      'PATCH',
      `/api/tasks/${t.id}`,
      { depends_on: [] },
      { authorization: `Bearer ${read}` },
    );
    expect(patch.status).toBe(403);
    expect((await call('GET', `/api/tasks/${t.id}`)).body).toMatchObject({ status: 'inbox', claim_count: 0 });
    const write = await token('write');
    const claimed = await call(
      'POST',
      '/api/work/claim',
      { agent_id: a },
      { authorization: `Bearer ${write}` },
    );
    expect([claimed.status, claimed.body.task.id]).toEqual([200, t.id]);
  });
});
