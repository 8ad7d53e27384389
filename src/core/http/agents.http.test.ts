import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp } from '../testing/harness.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

describe('agents and sessions over HTTP', () => {
  it('creates, reads, updates and deletes an agent', async () => {
    const created = await t.call('POST', '/api/agents', {
      name: 'Developer',
      role: 'dev',
      avatar_emoji: '🛠️',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Developer', status: 'standby', is_master: false });
    const id = created.body.id;
    expect((await t.call('GET', `/api/agents/${id}`)).body.name).toBe('Developer');
    expect((await t.call('PATCH', `/api/agents/${id}`, { status: 'working' })).body.status).toBe('working');
    expect((await t.call('GET', '/api/agents')).body).toHaveLength(1);
    expect((await t.call('DELETE', `/api/agents/${id}`)).status).toBe(200);
    expect((await t.call('GET', `/api/agents/${id}`)).status).toBe(404);
    expect((await t.call('DELETE', `/api/agents/${id}`)).status).toBe(404);
    expect((await t.call('PATCH', '/api/agents/nope', { status: 'working' })).status).toBe(404);
    expect((await t.call('POST', '/api/agents', { name: 'x', status: 'asleep' })).status).toBe(400);
  });

  it('registers a sub-agent, lists it by filters, and ends it (ended_at set)', async () => {
    const task = (await t.call('POST', '/api/tasks', { title: 't' })).body;
    const reg = await t.call('POST', `/api/tasks/${task.id}/subagent`, {
      openclaw_session_id: 'oc-7',
      agent_name: 'Developer Sub-Agent',
    });
    expect(reg.status).toBe(201);
    expect((await t.call('GET', `/api/tasks/${task.id}/subagent`)).body).toHaveLength(1);
    const active = await t.call('GET', '/api/openclaw/sessions?session_type=subagent&status=active');
    expect(active.body.map((s: { openclaw_session_id: string }) => s.openclaw_session_id)).toEqual(['oc-7']);
    const dup = await t.call('POST', `/api/tasks/${task.id}/subagent`, { openclaw_session_id: 'oc-7' });
    expect(dup.status).toBe(409);
    const ended = await t.call('PATCH', '/api/openclaw/sessions/oc-7', { status: 'completed' });
    expect(ended.status).toBe(200);
    expect(ended.body.ended_at).toEqual(expect.any(String));
    expect((await t.call('GET', '/api/openclaw/sessions?status=active')).body).toEqual([]);
    expect((await t.call('GET', '/api/openclaw/sessions?status=bogus')).status).toBe(400);
    expect((await t.call('PATCH', '/api/openclaw/sessions/none', { status: 'failed' })).status).toBe(404);
  });

  it('answers health without a token and a JSON 404 for unknown API paths', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toEqual({ ok: true, version: expect.any(String) });
    const unknown = await t.call('GET', '/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });

  it('returns a snapshot consistent with the last event id', async () => {
    await t.call('POST', '/api/agents', { name: 'A' });
    await t.call('POST', '/api/tasks', { title: 't' });
    const snap = await t.call('GET', '/api/snapshot');
    expect(snap.body).toMatchObject({
      last_event_id: 2,
      tasks: [expect.any(Object)],
      agents: [expect.any(Object)],
      sessions: [],
    });
  });
});
