import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../shared/api.ts';
import { TEST_TOKEN, testApp } from '../testing/harness.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp({ bodyLimit: 4096, failedAuth: { limit: 5, windowMs: 60_000 } });
});
afterEach(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { host: '127.0.0.1:4000', ...headers } });

describe('guards', () => {
  it('answers 401 without a token or with a wrong one', async () => {
    const none = await get('/api/tasks');
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toContain('Bearer');
    expect(none.json().error.code).toBe('unauthorized');
    expect((await get('/api/tasks', { authorization: 'Bearer wrong' })).statusCode).toBe(401);
    expect((await get('/api/tasks', { authorization: `Basic ${TEST_TOKEN}` })).statusCode).toBe(401);
    expect((await get('/api/tasks', { authorization: `Bearer ${TEST_TOKEN}` })).statusCode).toBe(200);
  });

  it('answers 403 to a foreign Host (DNS rebinding) even on public routes', async () => {
    const res = await get('/api/health', { host: 'evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden_host');
    expect((await get('/api/health', { host: 'localhost:4000' })).statusCode).toBe(200);
    expect((await get('/api/health', { host: '[::1]:4000' })).statusCode).toBe(200);
  });

  it('answers 403 to a foreign Origin, even with a valid token', async () => {
    const res = await get('/api/tasks', {
      authorization: `Bearer ${TEST_TOKEN}`,
      origin: 'https://evil.example',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden_origin');
    const same = await get('/api/tasks', {
      authorization: `Bearer ${TEST_TOKEN}`,
      origin: 'http://127.0.0.1:4000',
    });
    expect(same.statusCode).toBe(200);
  });

  it('answers 413 to a body over the limit', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: {
        host: '127.0.0.1',
        authorization: `Bearer ${TEST_TOKEN}`,
        'content-type': 'application/json',
      },
      payload: JSON.stringify({ title: 'x'.repeat(10_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie that differs from the token', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/session',
      payload: { token: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/session',
      payload: { token: TEST_TOKEN },
    });
    expect(res.statusCode).toBe(204);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.value).not.toContain(TEST_TOKEN);
    const cookieHeader = `${SESSION_COOKIE}=${cookie?.value}`;
    expect((await get('/api/auth/session')).statusCode).toBe(401);
    expect((await get('/api/auth/session', { cookie: cookieHeader })).statusCode).toBe(200);
    expect((await get('/api/tasks', { cookie: cookieHeader })).statusCode).toBe(200);
    const write = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/tasks',
        headers: {
          host: '127.0.0.1:4000',
          cookie: cookieHeader,
          'content-type': 'application/json',
          ...headers,
        },
        payload: { title: 'from the browser' },
      });
    expect((await write({})).statusCode).toBe(403);
    expect((await write({ origin: 'http://127.0.0.1:4000' })).statusCode).toBe(201);
    expect((await get('/api/tasks', { cookie: `${SESSION_COOKIE}=forged` })).statusCode).toBe(401);
  });

  it('slows repeated failed authentication with 429 and Retry-After', async () => {
    for (let i = 0; i < 5; i++)
      expect((await get('/api/tasks', { authorization: 'Bearer bad' })).statusCode).toBe(401);
    const blocked = await get('/api/tasks', { authorization: `Bearer ${TEST_TOKEN}` });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('serves a page that explains how to build the UI when it is not built, with a strict CSP', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('npm run build:web');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
