import { createServer, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { SseReader, startTestServer, type TestServer, testCore } from '../testing/harness.ts';
import type { LanSwitch } from './remote.ts';
import { createRemote, REMOTE_SETTING } from './remote.ts';

// 127.0.0.2 stands in for a LAN address: another address of this machine, loopback traffic only.
const OTHER = '127.0.0.2';

const servers: TestServer[] = [];
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
  for (const s of servers.splice(0)) await s.close();
});

async function start(options: { dataDir?: string; lanAddresses?: string[] } = {}) {
  const s = await startTestServer({ lanAddresses: [OTHER], ...options });
  servers.push(s);
  return s;
}

/** Status of GET /api/health on `address` (rejects with ECONNREFUSED when nothing listens there). */
function health(address: string, port: number) {
  return new Promise<number>((resolve, reject) => {
    const req = request({ host: address, port, path: '/api/health' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('allow other devices on my network', () => {
  it('is off by default: nothing listens beyond loopback and restore opens nothing', async () => {
    const s = await start();
    expect(s.server.remote.stored()).toBe(false);
    const { status } = await s.server.remote.restore();
    expect(status).toEqual({ enabled: false, urls: [], addresses: [OTHER], fixed: false });
    await expect(health(OTHER, s.server.port)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('turned on, listens on the LAN address; turned off, closes it at once and ends its streams', async () => {
    const s = await start();
    const { port } = s.server;
    const on = await s.server.remote.setEnabled(true);
    expect(on).toEqual({
      enabled: true,
      urls: [`http://${OTHER}:${port}`],
      addresses: [OTHER],
      fixed: false,
    });
    expect(s.server.remote.stored()).toBe(true);
    expect(await health(OTHER, port)).toBe(200);

    const remote = await SseReader.open(`http://${OTHER}:${port}/api/events/stream`);
    const local = await SseReader.open(`${s.url}/api/events/stream`);
    await s.api('/api/tasks', { method: 'POST', json: { title: 'seen from the couch' } });
    await remote.untilEvents(1);
    await local.untilEvents(1);

    const off = await s.server.remote.setEnabled(false);
    expect(off).toMatchObject({ enabled: false, urls: [] });
    expect(s.server.remote.stored()).toBe(false);
    await remote.until((r) => r.closed, 2000);
    expect(local.closed).toBe(false);
    await expect(health(OTHER, port)).rejects.toThrow(/ECONNREFUSED/);
    expect(s.server.allowedHosts.has(OTHER)).toBe(false);
    local.close();
  });

  it('survives a restart of core and server on the same data dir', async () => {
    const first = await start();
    await first.server.remote.setEnabled(true);
    const dataDir = first.dataDir;
    await first.close({ keepData: true });
    servers.splice(servers.indexOf(first), 1);
    cleanups.push(() => import('node:fs').then((fs) => fs.rmSync(dataDir, { recursive: true, force: true })));

    const second = await start({ dataDir });
    expect(second.server.lan.enabled).toBe(false); // nothing opens before restore is called
    const { status, error } = await second.server.remote.restore();
    expect(error).toBeUndefined();
    expect(status).toMatchObject({ enabled: true, urls: [`http://${OTHER}:${second.server.port}`] });
    expect(await health(OTHER, second.server.port)).toBe(200);
  });

  it('refuses to turn on where it cannot listen, and then stores nothing', async () => {
    const s = await start();
    // Something else already holds the port on that address.
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(s.server.port, OTHER, resolve));
    cleanups.push(() => new Promise((resolve) => squatter.close(resolve)));
    await expect(s.server.remote.setEnabled(true)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/EADDRINUSE/),
    });
    expect(s.server.remote.stored()).toBe(false);
    expect(s.server.remote.status().enabled).toBe(false);

    const none = await start({ lanAddresses: [] });
    await expect(none.server.remote.setEnabled(true)).rejects.toThrow(/no network address/);
    expect(none.server.remote.stored()).toBe(false);
  });

  it('keeps a stored "on" when restore cannot listen, and says why', async () => {
    const s = await start();
    s.core.db
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, 'true', '2026-01-01T00:00:00.000Z')")
      .run(REMOTE_SETTING);
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(s.server.port, OTHER, resolve));
    cleanups.push(() => new Promise((resolve) => squatter.close(resolve)));
    const { status, error } = await s.server.remote.restore();
    expect(error).toMatch(/EADDRINUSE/);
    expect(status.enabled).toBe(false);
    expect(s.server.remote.stored()).toBe(true);
  });

  it('serialises quick on/off/on clicks into one listener', async () => {
    const s = await start();
    const results = await Promise.all([
      s.server.remote.setEnabled(true),
      s.server.remote.setEnabled(false),
      s.server.remote.setEnabled(true),
    ]);
    expect(results.map((r) => r.enabled)).toEqual([true, false, true]);
    expect(await health(OTHER, s.server.port)).toBe(200);
  });

  it('reports a server bound beyond loopback as always reachable, and will not switch it', async () => {
    const { core, close } = testCore();
    cleanups.push(close);
    const lan = { enabled: false, urls: [] } as unknown as LanSwitch;
    const remote = createRemote(core.tx);
    expect(() => remote.status()).toThrow(/not listening yet/);
    remote.attach({ lan, host: '0.0.0.0', port: 4000, addresses: ['192.168.1.20'] });
    expect(remote.status()).toEqual({
      enabled: true,
      urls: ['http://192.168.1.20:4000'],
      addresses: ['192.168.1.20'],
      fixed: true,
    });
    await expect(remote.setEnabled(false)).rejects.toThrow(/--host/);
    remote.attach({ lan, host: '10.0.0.5', port: 4000 });
    expect(remote.status().urls).toEqual(['http://10.0.0.5:4000']);
  });
});
