// The security cases of issue 6, each asserting the answer: auth, timing, Host/Origin, CSRF, limits, brake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN, testApp } from '../testing/harness.ts';

type Harness = Awaited<ReturnType<typeof testApp>>;
const code = (body: unknown) => (body as { error: { code: string } }).error.code;

describe('guards', () => {
  let t: Harness;
  beforeAll(async () => {
    t = await testApp({ failedAuth: { limit: 1e9, windowMs: 60_000 } });
  });
  afterAll(() => t.close());

  it('answers 401 without a token, with a WWW-Authenticate challenge', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/tasks' });
    expect(res.statusCode).toBe(401);
    expect(code(res.json())).toBe('unauthorized');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('answers 401 to a wrong token', async () => {
    const res = await t.call('GET', '/api/tasks', undefined, { authorization: 'Bearer wrong' });
    expect(res.status).toBe(401);
  });

  it('answers 403 to a foreign Origin even with the right token', async () => {
    const res = await t.call('GET', '/api/tasks', undefined, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(code(res.body)).toBe('forbidden_origin');
  });

  it('answers 403 to Host: evil.example (DNS rebinding), also on public routes', async () => {
    for (const url of ['/api/tasks', '/api/health', '/']) {
      const res = await t.call('GET', url, undefined, { host: 'evil.example' });
      expect(res.status).toBe(403);
      expect(code(res.body)).toBe('forbidden_host');
    }
  });

  it('refuses a cookie-authenticated write without a same-origin Origin (CSRF)', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/session',
      payload: { token: TEST_TOKEN },
    });
    expect(login.statusCode).toBe(204);
    const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
    const write = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/tasks',
        headers: { cookie, ...headers },
        payload: { title: 'x' },
      });
    const bare = await write({});
    expect(bare.statusCode).toBe(403);
    expect(code(bare.json())).toBe('origin_required');
    expect((await write({ origin: 'http://evil.example' })).statusCode).toBe(403);
    expect((await write({ host: 'localhost:4000', origin: 'http://localhost:4000' })).statusCode).toBe(201);
    // Reading with the cookie needs no Origin (a top-level navigation sends none).
    expect((await t.app.inject({ method: 'GET', url: '/api/tasks', headers: { cookie } })).statusCode).toBe(
      200,
    );
  });

  it('answers 413 to a body over the limit, before parsing it', async () => {
    const res = await t.call('POST', '/api/tasks', { title: 'x'.repeat(1024 * 1024 + 10) });
    expect(res.status).toBe(413);
    expect(code(res.body)).toBe('payload_too_large');
  });
});

describe('wrong tokens', () => {
  let t: Harness;
  beforeAll(async () => {
    t = await testApp({ failedAuth: { limit: 1e9, windowMs: 60_000 } });
  });
  afterAll(() => t.close());

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

  it('take the same time whatever their length or how much of the real token they share', async () => {
    const candidates = {
      prefix: `${TEST_TOKEN.slice(0, -1)}X`,
      sameLength: 'z'.repeat(TEST_TOKEN.length),
      short: 'z',
      long: 'z'.repeat(4000),
    };
    const times: Record<string, number[]> = { prefix: [], sameLength: [], short: [], long: [] };
    for (let round = 0; round < 300; round++) {
      // Interleaved, so drift (GC, the other processes on this machine) hits every kind alike.
      for (const [kind, token] of Object.entries(candidates)) {
        const started = process.hrtime.bigint();
        const res = await t.app.inject({
          method: 'GET',
          url: '/api/tasks',
          headers: { authorization: `Bearer ${token}` },
        });
        times[kind]?.push(Number(process.hrtime.bigint() - started) / 1e6);
        expect(res.statusCode).toBe(401);
      }
    }
    const medians = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
    const base = medians.sameLength as number;
    // Loose bound: a byte-by-byte compare would differ by far less than request noise anyway, so
    // this guards against gross leaks (early exit before hashing, a lookup by token) only.
    for (const kind of ['prefix', 'short', 'long']) {
      expect(Math.abs((medians[kind] as number) - base)).toBeLessThan(Math.max(0.3, base * 0.5));
    }
  }, 30_000);
});

describe('failed-auth brake', () => {
  it('answers 429 with Retry-After after the limit, even to the right token, from that address', async () => {
    const t = await testApp({ failedAuth: { limit: 5, windowMs: 60_000 } });
    try {
      for (let i = 0; i < 5; i++) {
        expect((await t.call('GET', '/api/tasks', undefined, { authorization: 'Bearer nope' })).status).toBe(
          401,
        );
      }
      const braked = await t.call('GET', '/api/tasks', undefined, { authorization: 'Bearer nope' });
      expect(braked.status).toBe(429);
      expect(code(braked.body)).toBe('too_many_failed_attempts');
      expect(Number(braked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await t.call('GET', '/api/tasks')).status).toBe(429);
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/session',
        payload: { token: 'nope' },
      });
      expect(login.statusCode).toBe(429);
      // Another address is not affected.
      const other = await t.app.inject({
        method: 'GET',
        url: '/api/tasks',
        remoteAddress: '127.0.0.2',
        headers: { authorization: `Bearer ${TEST_TOKEN}` },
      });
      expect(other.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
