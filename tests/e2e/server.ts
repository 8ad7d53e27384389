// Spawns the real headless server (`src/core/serve.ts`) on a temp data dir; can restart it on the same port.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NODE = join(process.cwd(), 'node_modules/.bin/node');

export interface ServerHandle {
  url: string;
  port: number;
  token: string;
  dataDir: string;
  /** The link `serve` prints, with the token in the fragment. */
  boardUrl: string;
  stop(): Promise<void>;
  /** Stops and starts again on the same data dir and port. */
  restart(): Promise<void>;
  /** Agent-side API call with the bearer token. */
  api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiAnswer<T>>;
}

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

function launch(
  dataDir: string,
  port: number,
): Promise<{ child: ChildProcess; url: string; boardUrl: string }> {
  const env = { ...process.env };
  delete env.MISSION_CONTROL_TOKEN; // the token comes from the data dir, as for a real user
  const child = spawn(NODE, ['src/core/serve.ts', '--port', String(port), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let url = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      url ||= /listening on (http:\/\/\S+)/.exec(out)?.[1] ?? '';
      const board = /Board: (\S+)/.exec(out)?.[1];
      if (url && board) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve({ child, url, boardUrl: board });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

export async function startServer(): Promise<ServerHandle> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mc-e2e-'));
  let running = await launch(dataDir, 0);
  const port = Number(new URL(running.url).port);
  const token = decodeURIComponent(running.boardUrl.split('#token=')[1] ?? '');
  const handle: ServerHandle = {
    url: running.url,
    port,
    token,
    dataDir,
    boardUrl: running.boardUrl,
    async stop() {
      await stopChild(running.child);
      rmSync(dataDir, { recursive: true, force: true });
    },
    async restart() {
      await stopChild(running.child);
      running = await launch(dataDir, port);
    },
    async api(method, path, body, headers = {}) {
      const response = await fetch(handle.url + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
  };
  return handle;
}
