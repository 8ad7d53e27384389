import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseServeArgs, sseOptions } from './serve.ts';
import { tempDir } from './testing/harness.ts';

const children: ChildProcess[] = [];
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const c of cleanups.splice(0)) c();
});

function startServe(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['src/core/serve.ts', ...args], {
    env: { ...process.env, MISSION_CONTROL_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const line = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line; output: ${out}`)), 10_000);
    child.stdout?.on('data', () => {
      const match = /^Mission Control listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      // The board link is the last startup line: once it is out, the others are too.
      if (match?.[1] && /^Board: /m.test(out)) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url: line, exited, output: () => out };
}

describe('headless serve', () => {
  it('parses flags, env and defaults', () => {
    expect(parseServeArgs([], {})).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      portExplicit: false,
      allowHosts: [],
    });
    expect(
      parseServeArgs(
        ['--port', '0', '--host', '0.0.0.0', '--allow-host', 'box.lan', '--data-dir', '/tmp/x'],
        {},
      ),
    ).toMatchObject({
      port: 0,
      portExplicit: true,
      host: '0.0.0.0',
      allowHosts: ['box.lan'],
      dataDir: '/tmp/x',
    });
    expect(parseServeArgs([], { MISSION_CONTROL_PORT: '4123', MISSION_CONTROL_HOST: '::1' })).toMatchObject({
      port: 4123,
      host: '::1',
    });
    expect(() => parseServeArgs(['--port', 'http'], {})).toThrow(/--port/);
    expect(() => parseServeArgs(['--bogus'], {})).toThrow();
  });

  it('takes the total size of session logs from --max-log-mb or MISSION_CONTROL_MAX_LOG_MB', () => {
    expect(parseServeArgs([], {}).maxLogMb).toBeUndefined();
    expect(parseServeArgs(['--max-log-mb', '50'], {}).maxLogMb).toBe(50);
    expect(parseServeArgs([], { MISSION_CONTROL_MAX_LOG_MB: '2048' }).maxLogMb).toBe(2048);
    for (const bad of ['0', '-5', 'lots'])
      expect(() => parseServeArgs(['--max-log-mb', bad], {})).toThrow(/--max-log-mb/);
  });

  it('takes the owner token stream cap from --max-streams or MISSION_CONTROL_MAX_STREAMS', () => {
    expect(parseServeArgs([], {}).maxStreams).toBeUndefined();
    expect(parseServeArgs(['--max-streams', '5000'], {}).maxStreams).toBe(5000);
    expect(parseServeArgs([], { MISSION_CONTROL_MAX_STREAMS: '64' }).maxStreams).toBe(64);
    for (const bad of ['0', '-1', '1.5', 'many'])
      expect(() => parseServeArgs(['--max-streams', bad], {})).toThrow(/--max-streams/);
    expect(sseOptions({ pingMs: undefined, maxStreams: undefined })).toEqual({});
    expect(sseOptions({ pingMs: 50, maxStreams: 64 })).toEqual({
      pingMs: 50,
      maxOwnerStreams: 64,
      maxStreams: 10_000,
    });
    // Above the total (10,000) the total follows, or the owner could never reach its own cap.
    expect(sseOptions({ pingMs: undefined, maxStreams: 50_000 })).toMatchObject({ maxStreams: 50_000 });
  });

  it('prints the listening line, writes a 0600 token, serves the API and stops cleanly on SIGTERM', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const serve = startServe(['--port', '0', '--data-dir', dir]);
    const url = await serve.url;
    expect(serve.output()).toContain(`Token: ${join(dir, 'token')}`);
    const tokenFile = join(dir, 'token');
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    const { readFileSync } = await import('node:fs');
    const token = readFileSync(tokenFile, 'utf8').trim();
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    const created = await fetch(`${url}/api/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'survives' }),
    });
    expect(created.status).toBe(201);
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    // The WAL was checkpointed into the main file on the way out.
    const wal = join(dir, 'mission-control.db-wal');
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
  });

  it('uses MISSION_CONTROL_TOKEN when set, and exits 1 with a clear message when the port is taken', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const first = startServe(['--port', '0', '--data-dir', dir], { MISSION_CONTROL_TOKEN: 'from-env' });
    const url = await first.url;
    expect(first.output()).toContain('MISSION_CONTROL_TOKEN');
    const ok = await fetch(`${url}/api/tasks`, { headers: { authorization: 'Bearer from-env' } });
    expect(ok.status).toBe(200);
    const port = new URL(url).port;
    const second = startServe(['--port', port, '--data-dir', dir]);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(new RegExp(`Port ${port} is in use`));
  });
});
