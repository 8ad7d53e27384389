import { afterEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { SseReader, startTestServer, type TestServer } from '../testing/harness.ts';

let s: TestServer;
afterEach(async () => {
  await s?.close();
});

describe('server operations (what the desktop bridge runs for the owner)', () => {
  it('switches remote access and issues, lists and revokes device tokens', async () => {
    s = await startTestServer({ lanAddresses: ['127.0.0.2'] });
    const run = async <N extends Parameters<typeof s.core.run>[0]>(name: N, input: unknown) =>
      s.core.run(name, input);
    expect(await run('remote.status', {})).toMatchObject({ enabled: false });
    expect(await run('remote.set', { enabled: true })).toMatchObject({ enabled: true });
    expect(s.server.lan.enabled).toBe(true);

    const { device, token } = await run('devices.create', { name: 'iPad' });
    expect(device).toMatchObject({ name: 'iPad', scope: 'read', revoked_at: null });
    expect(token).toMatch(/^mcd_/);
    const stream = await SseReader.open(`${s.url}/api/events/stream`, { authorization: `Bearer ${token}` });
    await stream.until((r) => r.frames.length > 0);
    expect((await run('devices.list', undefined)).map((d) => d.name)).toEqual(['iPad']);

    expect(await run('devices.revoke', { id: device.id })).toEqual({ id: device.id });
    await stream.until((r) => r.closed, 2000);
    expect((await run('devices.list', {}))[0]?.revoked_at).toEqual(expect.any(String));
    expect(await run('remote.set', { enabled: false })).toMatchObject({ enabled: false });
  });

  it('validates input with the shared schemas', async () => {
    s = await startTestServer({ lanAddresses: ['127.0.0.2'] });
    const run = async <N extends Parameters<typeof s.core.run>[0]>(name: N, input: unknown) =>
      s.core.run(name, input);
    await expect(run('remote.set', { enabled: 'on' })).rejects.toBeInstanceOf(ZodError);
    await expect(run('devices.create', { name: '' })).rejects.toBeInstanceOf(ZodError);
    await expect(run('devices.revoke', { id: 'missing' })).rejects.toMatchObject({ code: 'not_found' });
    expect(s.server.lan.enabled).toBe(false);
  });
});
