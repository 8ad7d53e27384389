// Under an old Node (the system's v20), the server bundle and the CLI say so in one line instead of
// crashing in better-sqlite3's binary. Skipped where /usr/bin/node is missing or new enough.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../src/core/testing/harness.ts';

const OLD_NODE = '/usr/bin/node';
const oldVersion = existsSync(OLD_NODE)
  ? spawnSync(OLD_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim()
  : '';
const oldMajor = Number(oldVersion.split('.')[0]);
const haveOldNode = oldVersion !== '' && oldMajor < 22;

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function dataDir(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return join(dir, 'data');
}

const run = (args: string[]) => spawnSync(OLD_NODE, args, { encoding: 'utf8', timeout: 30_000 });

describe.skipIf(!haveOldNode)(`under Node ${oldVersion || '< 22 (none found)'}`, () => {
  it('the server bundle exits 1 with one line, before loading anything', () => {
    const prepared = spawnSync(process.execPath, ['scripts/prepare-serve.mjs'], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(prepared.status, prepared.stderr).toBe(0);
    const data = dataDir();
    const result = run(['out/serve/serve.js', '--port', '0', '--data-dir', data]);
    expect(result.signal).toBeNull(); // not SIGSEGV
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `Mission Control needs Node 22 or newer (this is Node ${oldVersion}); use npm run serve, which brings its own Node 24\n`,
    );
    // Nothing ran: the data dir was never created.
    expect(existsSync(data)).toBe(false);
  }, 200_000);

  it("the CLI runs itself on the project's Node 24 when it has one", () => {
    const result = run(['bin/mission-control.mjs', '--help']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Usage: mission-control /);
  });

  it('the CLI exits 1 with one line when there is no Node 24 to hand over to', () => {
    // The bin alone, away from the project's node_modules and sources.
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    mkdirSync(join(dir, 'bin'));
    copyFileSync('bin/mission-control.mjs', join(dir, 'bin', 'mission-control.mjs'));
    const result = run([join(dir, 'bin', 'mission-control.mjs'), 'serve', '--data-dir', join(dir, 'data')]);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `Mission Control needs Node 22.6 or newer (this is Node ${oldVersion}); run npm ci in the project, which brings its own Node 24\n`,
    );
    expect(readdirSync(dir)).toEqual(['bin']);
  });
});
