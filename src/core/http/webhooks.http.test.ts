// Webhooks over HTTP on a real server: every route, the secret shown only where it must be, the 422
// refusals (its own address included), the owner-only rule, rotation, pings and live deliveries.

import { hostname } from 'node:os';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lanAddresses, urlHost } from '../network.ts';
import { SseReader, startTestServer, type TestServer } from '../testing/harness.ts';
import { type Receiver, startReceiver } from '../testing/webhook-receiver.ts';

let s: TestServer;
let receiver: Receiver;
beforeEach(async () => {
  s = await startTestServer({ coreOptions: { webhooks: { timeoutMs: 1000 } } });
  receiver = await startReceiver();
});
afterEach(async () => {
  await receiver.close();
  await s.close();
});

// biome-ignore lint/suspicious/noExplicitAny: answers are asserted field by field
type Json = any;
const call = async (method: string, path: string, json?: unknown, token?: string) => {
  const res = await s.api(path, {
    method,
    json,
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json, text };
};
const errorOf = (res: { status: number; body: Json }) => [res.status, res.body?.error?.code];

describe('webhooks over HTTP', () => {
  it('registers (201, secret once), lists and reads without the secret, changes and removes', async () => {
    const created = await call('POST', '/api/webhooks', { url: receiver.url, description: 'runner' });
    expect(created.status).toBe(201);
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^whsec_/);
    expect(created.body).toMatchObject({ url: receiver.url, events: [], agent_id: null, enabled: true });
    const list = await call('GET', '/api/webhooks');
    const one = await call('GET', `/api/webhooks/${created.body.id}`);
    const { secret: _s, ...view } = created.body;
    expect(list.body).toEqual([view]);
    expect(one.body).toEqual(view);
    for (const text of [list.text, one.text]) expect(text).not.toContain(secret.slice(6));

    const changed = await call('PATCH', `/api/webhooks/${view.id}`, {
      events: ['task_created'],
      enabled: false,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ events: ['task_created'], enabled: false });
    expect(changed.body.secret).toBeUndefined();
    expect((await call('DELETE', `/api/webhooks/${view.id}`)).body).toEqual({ id: view.id });
    expect(errorOf(await call('GET', `/api/webhooks/${view.id}`))).toEqual([404, 'not_found']);
    expect(errorOf(await call('DELETE', `/api/webhooks/${view.id}`))).toEqual([404, 'not_found']);
    expect(errorOf(await call('PATCH', '/api/webhooks/nope', { enabled: true }))).toEqual([404, 'not_found']);
    expect(errorOf(await call('POST', '/api/webhooks/nope/test'))).toEqual([404, 'not_found']);
  });

  it('refuses credentials, other schemes, its own address and unknown agents (422), bad input (400)', async () => {
    const own = new URL(s.url);
    for (const url of [
      'http://user:pass@example.com/hook',
      'https://token@example.com/hook',
      'ftp://example.com/hook',
      'file:///etc/passwd',
      `http://127.0.0.1:${own.port}/api/tasks`,
      `http://localhost:${own.port}/`,
      `http://[::1]:${own.port}/x`,
      `http://127.0.0.2:${own.port}/x`,
      `http://0.0.0.0:${own.port}/x`,
      `http://${hostname()}:${own.port}/x`,
      ...lanAddresses().map((a) => `http://${urlHost(a.address)}:${own.port}/x`),
    ])
      expect([url, ...errorOf(await call('POST', '/api/webhooks', { url }))]).toEqual([
        url,
        422,
        'unprocessable',
      ]);
    expect(errorOf(await call('POST', '/api/webhooks', { url: receiver.url, agent_id: 'ghost' }))).toEqual([
      422,
      'unprocessable',
    ]);
    for (const body of [
      {},
      { url: 'not a url' },
      { url: receiver.url, events: ['nope'] },
      { url: receiver.url, x: 1 },
    ])
      expect([body, ...errorOf(await call('POST', '/api/webhooks', body))]).toEqual([
        body,
        400,
        'validation_failed',
      ]);
    const { body } = await call('POST', '/api/webhooks', { url: receiver.url });
    expect(
      errorOf(await call('PATCH', `/api/webhooks/${body.id}`, { url: `http://localhost:${own.port}/` })),
    ).toEqual([422, 'unprocessable']);
    expect(errorOf(await call('PATCH', `/api/webhooks/${body.id}`, { rotate_secret: false }))).toEqual([
      400,
      'validation_failed',
    ]);
    expect(errorOf(await call('GET', `/api/webhooks/${body.id}/deliveries?limit=0`))).toEqual([
      400,
      'validation_failed',
    ]);
  });

  it('refuses every webhook operation to device tokens, read-write ones included (403)', async () => {
    const { body: hook } = await call('POST', '/api/webhooks', { url: receiver.url });
    for (const scope of ['read', 'write']) {
      const { body } = await call('POST', '/api/devices', { name: scope, scope });
      // A read device is refused its writes before anything else (read_only); the rest: owner_only.
      for (const [method, path, json] of [
        ['GET', '/api/webhooks'],
        ['POST', '/api/webhooks', { url: receiver.url }],
        ['GET', `/api/webhooks/${hook.id}`],
        ['PATCH', `/api/webhooks/${hook.id}`, { enabled: false }],
        ['DELETE', `/api/webhooks/${hook.id}`],
        ['GET', `/api/webhooks/${hook.id}/deliveries`],
        ['POST', `/api/webhooks/${hook.id}/test`],
      ] as const)
        expect([scope, method, path, ...errorOf(await call(method, path, json, body.token))]).toEqual([
          scope,
          method,
          path,
          403,
          scope === 'read' && method !== 'GET' ? 'read_only' : 'owner_only',
        ]);
    }
    expect(receiver.received).toEqual([]);
  });

  it('rotates the secret: the new one signs from then on, the old one no longer verifies', async () => {
    const { body: hook } = await call('POST', '/api/webhooks', { url: receiver.url });
    const rotated = await call('PATCH', `/api/webhooks/${hook.id}`, { rotate_secret: true });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(hook.secret);
    const ping = await call('POST', `/api/webhooks/${hook.id}/test`);
    expect(ping.body).toMatchObject({ type: 'ping', status_code: 200, error: null });
    const [request] = receiver.received;
    const headers = request?.headers as Record<string, string>;
    expect(() => new Webhook(rotated.body.secret).verify(request?.body ?? '', headers)).not.toThrow();
    expect(() => new Webhook(hook.secret).verify(request?.body ?? '', headers)).toThrow();
  });

  it('lists the latest attempts newest first, with limit, and a long-poll that wakes on the next one', async () => {
    const { body: hook } = await call('POST', '/api/webhooks', { url: receiver.url });
    for (const title of ['a', 'b', 'c']) await call('POST', '/api/tasks', { title });
    await receiver.until((r) => r.accepted.length === 3);
    await s.core.webhooks.engine.idle();
    const all = await call('GET', `/api/webhooks/${hook.id}/deliveries`);
    expect(all.body).toHaveLength(3);
    expect(all.body[0]).toEqual({
      seq: expect.any(Number),
      event_id: receiver.received[2]?.headers['webhook-id'],
      type: 'task_created',
      status_code: 200,
      error: null,
      duration_ms: expect.any(Number),
      at: expect.any(String),
    });
    expect((await call('GET', `/api/webhooks/${hook.id}/deliveries?limit=2`)).body).toEqual(
      all.body.slice(0, 2),
    );
    const waiting = call('GET', `/api/webhooks/${hook.id}/deliveries?after=${all.body[0].seq}&wait_s=5`);
    await new Promise((r) => setTimeout(r, 50));
    await call('POST', '/api/tasks', { title: 'd' });
    const woke = await waiting;
    expect(woke.body).toHaveLength(1);
    expect(woke.body[0].seq).toBeGreaterThan(all.body[0].seq);
  });

  it('never puts the secret on the event stream or in an error', async () => {
    const stream = await SseReader.open(`${s.url}/api/events/stream`);
    const { body: hook } = await call('POST', '/api/webhooks', { url: receiver.url });
    const rotated = await call('PATCH', `/api/webhooks/${hook.id}`, { rotate_secret: true });
    const refused = await call('PATCH', `/api/webhooks/${hook.id}`, { url: 'ftp://x', rotate_secret: true });
    expect(refused.status).toBe(422);
    await call('POST', '/api/tasks', { title: 'after' });
    await receiver.until((r) => r.accepted.length === 1);
    await stream.until((r) => r.events.length >= 1);
    stream.close();
    const seen = JSON.stringify(stream.frames) + refused.text;
    for (const secret of [hook.secret, rotated.body.secret]) expect(seen).not.toContain(secret.slice(6));
  });
});
