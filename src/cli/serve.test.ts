// `mission-control serve` through the real bin: starts on port 0, answers with its token, stops on SIGTERM.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../core/testing/harness.ts';

const BIN = fileURLToPath(new URL('../../bin/mission-control.mjs', import.meta.url));
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('mission-control serve', () => {
  it('listens on a free port with a new token, serves the API and MCP, and exits 0 on SIGTERM', async () => {
    const data = tempDir();
    cleanups.push(data.cleanup);
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', data.dir], {
      env: { PATH: process.env.PATH },
    });
    cleanups.push(() => child.kill('SIGKILL'));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no listening line in ${JSON.stringify(stdout)}`)),
        15_000,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const token = readFileSync(join(data.dir, 'token'), 'utf8').trim();
    expect(token.length).toBeGreaterThan(20);
    expect(await (await fetch(`${url}/api/health`)).json()).toMatchObject({ ok: true });
    expect((await fetch(`${url}/api/tasks`)).status).toBe(401);
    const mcp = await fetch(`${url}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(mcp.status).toBe(200);
    expect(((await mcp.json()) as { result: { tools: unknown[] } }).result.tools.length).toBeGreaterThan(10);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // A clean stop checkpoints the WAL into the database file.
    expect(existsSync(join(data.dir, 'mission-control.db-wal'))).toBe(false);
  });
});
