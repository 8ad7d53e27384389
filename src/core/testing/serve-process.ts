// The real headless server in a child process, for tests of how it starts and stops.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { tempDir } from './harness.ts';

const children: ChildProcess[] = [];
const cleanups: Array<() => void> = [];

/** Kills what startServe started and removes its data dirs (call from afterEach). */
export function stopServes(): void {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const c of cleanups.splice(0)) c();
}

/**
 * Starts `node <entry>` on a fresh data dir (or `dataDir`, to start again on the same data);
 * resolves once it has printed its board link.
 */
export async function startServe(entry: string, dataDir?: string) {
  let dir = dataDir;
  if (dir === undefined) {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    dir = temp.dir;
  }
  const child = spawn(process.execPath, [entry, '--port', '0', '--data-dir', dir], {
    env: { ...process.env, MISSION_CONTROL_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let out = '';
  child.stderr.on('data', (d) => {
    out += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line; output: ${out}`)), 15_000);
    child.stdout.on('data', (d) => {
      out += d;
      const match = /^Mission Control listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (match?.[1] && /^Board: /m.test(out)) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return { child, dir, url, exited, token: readFileSync(join(dir, 'token'), 'utf8').trim() };
}

/** A stream on a raw socket, resolved once the server answered 200 and sent its first bytes. */
export function openStream(url: string, token: string): Promise<Socket> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    socket.once('error', reject);
    socket.once('connect', () =>
      socket.write(
        `GET /api/events/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n\r\n`,
      ),
    );
    socket.once('data', (chunk) => {
      if (chunk.toString().startsWith('HTTP/1.1 200')) resolve(socket);
      else reject(new Error(`stream refused: ${chunk}`));
    });
  });
}

/** Starts the server, writes, opens 3 streams, sends SIGTERM: answers how long the exit took. */
export async function sigtermWithStreams(entry: string) {
  const serve = await startServe(entry);
  const created = await fetch(`${serve.url}/api/tasks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${serve.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'in the WAL until checkpointed' }),
  });
  expect(created.status).toBe(201);
  const streams = await Promise.all([1, 2, 3].map(() => openStream(serve.url, serve.token)));
  // Each client sees its stream end rather than hang.
  const ended = Promise.all(streams.map((s) => new Promise((resolve) => s.once('close', resolve))));
  const started = performance.now();
  serve.child.kill('SIGTERM');
  // A server that hangs is reported as such (ms ≥ 3,000) rather than as a test timeout.
  const code = await Promise.race([serve.exited, sleep(3000).then(() => 'still running' as const)]);
  const ms = performance.now() - started;
  if (code !== 'still running') await ended;
  for (const s of streams) s.destroy();
  const wal = join(serve.dir, 'mission-control.db-wal');
  return { code, ms, walCheckpointed: !existsSync(wal) || statSync(wal).size === 0 };
}
