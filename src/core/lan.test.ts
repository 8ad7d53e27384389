import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { isLoopbackHost, isWildcardHost, lanAddresses, lanHostNames } from './network.ts';
import { SseReader, startTestServer, TEST_TOKEN, type TestServer } from './testing/harness.ts';

let s: TestServer;
afterEach(async () => {
  await s?.close();
});

/** A request to `address` (not the loopback 127.0.0.1 the server already listens on). */
function get(address: string, port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const req = request({ host: address, port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

// 127.0.0.2 stands in for a LAN address: a different address of this machine, not yet listened on.
const OTHER = '127.0.0.2';

describe('the LAN switch', () => {
  it('opens a listener on other addresses with their Host allowed, and closes it with its streams', async () => {
    s = await startTestServer();
    const { port } = s.server;
    await expect(get(OTHER, port, '/api/health')).rejects.toThrow(/ECONNREFUSED/);
    const urls = await s.server.lan.enable([OTHER]);
    expect(urls).toEqual([`http://${OTHER}:${port}`]);
    expect(s.server.lan.enabled).toBe(true);
    expect(await get(OTHER, port, '/api/health', { host: `${OTHER}:${port}` })).toBe(200);
    expect(await get(OTHER, port, '/api/tasks', { host: `${OTHER}:${port}` })).toBe(401);
    expect(await get(OTHER, port, '/api/health', { host: 'evil.example' })).toBe(403);

    const remote = await SseReader.open(`http://${OTHER}:${port}/api/events/stream`);
    await s.api('/api/tasks', { method: 'POST', json: { title: 'seen on the LAN' } });
    await remote.untilEvents(1);
    const local = await SseReader.open(`${s.url}/api/events/stream`);
    await local.until((r) => r.frames.length > 0);

    await s.server.lan.disable();
    await remote.until((r) => r.closed, 2000);
    expect(local.closed).toBe(false);
    await expect(get(OTHER, port, '/api/health')).rejects.toThrow(/ECONNREFUSED/);
    expect(s.server.allowedHosts.has(OTHER)).toBe(false);
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
    local.close();
  });

  it('knows the machine’s addresses and names, leaving out loopback and link-local', () => {
    const found = lanAddresses({
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '', mac: '', cidr: null }],
      eth0: [
        { address: 'fe80::1', family: 'IPv6', internal: false, netmask: '', mac: '', cidr: null, scopeid: 2 },
        { address: '192.168.1.20', family: 'IPv4', internal: false, netmask: '', mac: '', cidr: null },
      ],
    });
    expect(found).toEqual([{ address: '192.168.1.20', family: 'IPv4', interface: 'eth0' }]);
    expect(lanHostNames(found, 'Workstation')).toEqual(['192.168.1.20', 'workstation', 'workstation.local']);
    expect(TEST_TOKEN).toBeTruthy();
  });

  it('has one rule for loopback (serve, the LAN switch and the Host check all use it)', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '127.255.0.9', 'localhost', 'LOCALHOST', '::1', '[::1]'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '127.0.0.1.evil.com', '1127.0.0.1', 'localhost.dev'])
      expect(isLoopbackHost(host), host).toBe(false);
    expect(isWildcardHost('0.0.0.0') && isWildcardHost('::') && !isWildcardHost('127.0.0.1')).toBe(true);
  });
});
