import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../src/core/testing/harness.ts';
// @ts-expect-error plain .mjs script without types
import { decide, electronBinary, hasDisplay } from './start.mjs';

let dir: ReturnType<typeof tempDir> | undefined;
afterEach(() => dir?.cleanup());

describe('npm start decision', () => {
  it('finds the Electron binary only when it is on disk', () => {
    dir = tempDir();
    const pkg = join(dir.dir, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    expect(electronBinary(dir.dir, {})).toBeNull();
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(electronBinary(dir.dir, {})).toBeNull();
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(electronBinary(dir.dir, {})).toBe(join(pkg, 'dist', 'electron'));
  });

  it('needs a display on Linux only', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { DISPLAY: ':99' })).toBe(true);
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('darwin', {})).toBe(true);
  });

  it('runs the desktop app only with a display and a binary (fetched once if missing)', () => {
    let fetched = 0;
    const fetch = (result: string | null) => () => {
      fetched++;
      return result;
    };
    expect(decide({ headless: false, display: true, binary: '/e', fetch: fetch(null) })).toEqual({
      mode: 'desktop',
      binary: '/e',
    });
    expect(decide({ headless: false, display: true, binary: null, fetch: fetch('/got') }).mode).toBe(
      'desktop',
    );
    expect(decide({ headless: false, display: true, binary: null, fetch: fetch(null) })).toMatchObject({
      mode: 'headless',
      reason: expect.stringContaining('no Electron binary'),
    });
    expect(decide({ headless: false, display: false, binary: '/e', fetch: fetch('/e') })).toMatchObject({
      mode: 'headless',
      reason: expect.stringContaining('no display'),
    });
    expect(decide({ headless: true, display: true, binary: '/e', fetch: fetch('/e') }).mode).toBe('headless');
    expect(fetched).toBe(2); // never when there is no display or it is not needed
  });

  it('here (no binary, no display) says so and serves headless with the given args', async () => {
    dir = tempDir();
    const env = {
      ...process.env,
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
      MISSION_CONTROL_TOKEN: 'start-test-token',
    };
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, 'start.mjs'), '--port', '0', '--data-dir', dir.dir],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    try {
      const deadline = Date.now() + 120_000; // may build the web UI and the server bundle first
      while (!/listening on (http:\S+)/.test(out) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(out).toContain('Not starting the desktop app:');
      const url = /listening on (http:\S+)/.exec(out)?.[1];
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 150_000);
});
