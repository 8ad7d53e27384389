import { afterEach, describe, expect, it } from 'vitest';
import { parseServeArgs, serve } from '../serve.ts';
import { tempDir } from '../testing/harness.ts';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('serve and the remote setting', () => {
  it('reopens the LAN listener on start when it was left on, and prints its link', async () => {
    const { dir, cleanup } = tempDir();
    stops.push(async () => cleanup());
    const config = {
      ...parseServeArgs(['--port', '0', '--data-dir', dir, '--lan-address', '127.0.0.2'], {}),
    };
    expect(config.lanAddresses).toEqual(['127.0.0.2']);

    const first = await serve(config, () => {});
    expect(first.server.lan.enabled).toBe(false);
    await first.server.remote.setEnabled(true);
    const port = first.server.port;
    await first.stop();

    const lines: string[] = [];
    const second = await serve({ ...config, port, portExplicit: true }, (line) => lines.push(line));
    stops.unshift(second.stop);
    expect(second.server.lan.enabled).toBe(true);
    expect(lines).toContain(
      `Board (other devices): http://127.0.0.2:${port}/#token=${encodeURIComponent(second.token)}`,
    );
    expect((await fetch(`http://127.0.0.2:${port}/api/health`)).status).toBe(200);
  });

  it('reads the LAN addresses from MISSION_CONTROL_LAN_ADDRESSES', () => {
    expect(parseServeArgs([], { MISSION_CONTROL_LAN_ADDRESSES: '127.0.0.2,127.0.0.3' }).lanAddresses).toEqual(
      ['127.0.0.2', '127.0.0.3'],
    );
    expect(parseServeArgs([], {}).lanAddresses).toBeUndefined();
  });
});
