import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../shared/api.ts';
import { SseReader, startTestServer, type TestServer } from '../testing/harness.ts';

let s: TestServer;
const readers: SseReader[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) r.close();
  await s?.close();
});

async function issue(scope: 'read' | 'write', name = `${scope} device`) {
  const res = await s.api('/api/devices', { method: 'POST', json: { name, scope } });
  expect(res.status).toBe(201);
  return (await res.json()) as { device: { id: string; scope: string }; token: string };
}
const as = (token: string, path: string, init: RequestInit & { json?: unknown } = {}) =>
  s.api(path, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as object) } });

describe('device tokens', () => {
  it('lets a read-only device follow the stream and read everything, and refuses its writes with 403', async () => {
    s = await startTestServer();
    const { token, device } = await issue('read');
    expect(device.scope).toBe('read');
    expect(token.startsWith('mcd_')).toBe(true);
    expect((await as(token, '/api/tasks')).status).toBe(200);
    expect((await as(token, '/api/snapshot')).status).toBe(200);
    const reader = await SseReader.open(`${s.url}/api/events/stream`, { authorization: `Bearer ${token}` });
    readers.push(reader);
    await s.api('/api/tasks', { method: 'POST', json: { title: 'seen remotely' } });
    await reader.untilEvents(1);
    expect(reader.events[0]?.type).toBe('task_created');
    for (const [method, path, json] of [
      ['POST', '/api/tasks', { title: 'x' }],
      ['PATCH', '/api/tasks/any', { title: 'x' }],
      ['DELETE', '/api/tasks/any', undefined],
      ['POST', '/api/agents', { name: 'x' }],
    ] as const) {
      const res = await as(token, path, { method, json });
      expect([method, path, res.status]).toEqual([method, path, 403]);
      expect(await res.json()).toMatchObject({ error: { code: 'read_only' } });
    }
    expect((await s.api('/api/tasks')).status).toBe(200);
  });

  it('lets a read-write device write, but never manage device tokens', async () => {
    s = await startTestServer();
    const { token } = await issue('write');
    expect((await as(token, '/api/tasks', { method: 'POST', json: { title: 'x' } })).status).toBe(201);
    expect((await as(token, '/api/devices')).status).toBe(403);
    expect((await as(token, '/api/devices', { method: 'POST', json: { name: 'sneaky' } })).status).toBe(403);
  });

  it('revokes a device: its token stops working and its open streams end at once', async () => {
    s = await startTestServer();
    const { token, device } = await issue('read', 'phone');
    const other = await issue('read', 'laptop');
    const phone = await SseReader.open(`${s.url}/api/events/stream`, { authorization: `Bearer ${token}` });
    const laptop = await SseReader.open(`${s.url}/api/events/stream`, {
      authorization: `Bearer ${other.token}`,
    });
    readers.push(phone, laptop);
    await phone.until((r) => r.frames.length > 0);
    await laptop.until((r) => r.frames.length > 0);
    const res = await s.api(`/api/devices/${device.id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    await phone.until((r) => r.closed, 2000);
    expect(laptop.closed).toBe(false);
    expect((await as(token, '/api/tasks')).status).toBe(401);
    const list = (await (await s.api('/api/devices')).json()) as Array<{
      id: string;
      revoked_at: string | null;
    }>;
    expect(list.find((d) => d.id === device.id)?.revoked_at).toEqual(expect.any(String));
    expect(JSON.stringify(list)).not.toContain(token);
    expect((await s.api('/api/devices/nope', { method: 'DELETE' })).status).toBe(404);
  });

  it('trades a device token for a cookie that carries the same scope, and stops working when revoked', async () => {
    s = await startTestServer();
    const { token, device } = await issue('read');
    const login = await fetch(`${s.url}/api/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(login.status).toBe(204);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie.startsWith(`${SESSION_COOKIE}=d.`)).toBe(true);
    const session = await fetch(`${s.url}/api/auth/session`, { headers: { cookie } });
    expect(await session.json()).toMatchObject({ scope: 'read', device_id: device.id });
    const write = await fetch(`${s.url}/api/tasks`, {
      method: 'POST',
      headers: { cookie, origin: s.url, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x' }),
    });
    expect(write.status).toBe(403);
    await s.api(`/api/devices/${device.id}`, { method: 'DELETE' });
    expect((await fetch(`${s.url}/api/tasks`, { headers: { cookie } })).status).toBe(401);
  });
});
