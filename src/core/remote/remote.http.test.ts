import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, TEST_TOKEN, type TestServer } from '../testing/harness.ts';

const OTHER = '127.0.0.2';
let s: TestServer;
afterEach(async () => {
  await s?.close();
});

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as never });

async function deviceToken(scope: 'read' | 'write') {
  const res = await s.api('/api/devices', { method: 'POST', json: { name: `${scope} phone`, scope } });
  return ((await res.json()) as { token: string }).token;
}

describe('/api/remote', () => {
  it('answers the status and switches the LAN listener for the owner', async () => {
    s = await startTestServer({ lanAddresses: [OTHER] });
    expect(await json(await s.api('/api/remote'))).toEqual({
      status: 200,
      body: { enabled: false, urls: [], addresses: [OTHER], fixed: false },
    });
    const on = await json(await s.api('/api/remote', { method: 'PUT', json: { enabled: true } }));
    const lanUrl = `http://${OTHER}:${s.server.port}`;
    expect(on).toEqual({
      status: 200,
      body: { enabled: true, urls: [lanUrl], addresses: [OTHER], fixed: false },
    });
    // The LAN listener is the same app behind the same guards.
    expect((await fetch(`${lanUrl}/api/remote`)).status).toBe(401);
    const owner = await fetch(`${lanUrl}/api/remote`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    expect(owner.status).toBe(200);
    const off = await json(await s.api('/api/remote', { method: 'PUT', json: { enabled: false } }));
    expect(off.body).toMatchObject({ enabled: false, urls: [] });
    await expect(fetch(`${lanUrl}/api/health`)).rejects.toThrow();
  });

  it('is owner-only: device tokens, even read-write, get 403 owner_only; no token gets 401', async () => {
    s = await startTestServer({ lanAddresses: [OTHER] });
    for (const scope of ['read', 'write'] as const) {
      const token = await deviceToken(scope);
      const headers = { authorization: `Bearer ${token}` };
      const get = await json(await s.api('/api/remote', { headers }));
      expect(get).toMatchObject({ status: 403, body: { error: { code: 'owner_only' } } });
      const put = await json(await s.api('/api/remote', { method: 'PUT', json: { enabled: true }, headers }));
      // A read-only token is stopped earlier, at the write guard; either way nothing switches.
      expect(put).toMatchObject({
        status: 403,
        body: { error: { code: scope === 'read' ? 'read_only' : 'owner_only' } },
      });
    }
    expect(s.server.lan.enabled).toBe(false);
    expect((await fetch(`${s.url}/api/remote`)).status).toBe(401);
  });

  it('validates the body: a boolean `enabled`, nothing else', async () => {
    s = await startTestServer({ lanAddresses: [OTHER] });
    for (const body of [{ enabled: 'yes' }, {}, { enabled: true, extra: 1 }, null]) {
      const res = await json(await s.api('/api/remote', { method: 'PUT', json: body }));
      expect([body, res.status]).toEqual([body, 400]);
      expect(res.body).toMatchObject({ error: { code: 'validation_failed' } });
    }
    expect(s.server.lan.enabled).toBe(false);
  });

  it('answers 409 with the reason when it cannot listen', async () => {
    s = await startTestServer({ lanAddresses: [] });
    const res = await json(await s.api('/api/remote', { method: 'PUT', json: { enabled: true } }));
    expect(res).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect((res.body as { error: { message: string } }).error.message).toMatch(/no network address/);
  });
});
