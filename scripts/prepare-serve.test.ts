import { spawn, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../src/core/testing/harness.ts';
import { sigtermWithStreams, stopServes } from '../src/core/testing/serve-process.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  stopServes();
});

describe('npm run serve (the bundled server)', () => {
  it('builds the bundle and the web UI, then serves both from out/', async () => {
    const prepared = spawnSync(process.execPath, ['scripts/prepare-serve.mjs'], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(prepared.status, prepared.stderr).toBe(0);

    const data = tempDir();
    cleanups.push(data.cleanup);
    const child = spawn(process.execPath, ['out/serve/serve.js', '--port', '0', '--data-dir', data.dir], {
      env: { ...process.env, MISSION_CONTROL_TOKEN: 'bundle-token' },
    });
    cleanups.push(() => child.kill('SIGKILL'));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 15_000);
      child.stdout.on('data', (d) => {
        out += d;
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const tasks = await fetch(`${url}/api/tasks`, { headers: { authorization: 'Bearer bundle-token' } });
    expect(tasks.status).toBe(200);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 200_000);

  it('stops within 500 ms of SIGTERM with streams open, WAL checkpointed (the bundle built above)', async () => {
    const { code, ms, walCheckpointed } = await sigtermWithStreams('out/serve/serve.js');
    expect(code).toBe(0);
    expect(ms, `SIGTERM → exit took ${ms.toFixed(0)} ms`).toBeLessThan(500);
    expect(walCheckpointed).toBe(true);
  });
});
