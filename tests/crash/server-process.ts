// The real headless server as a child process, for tests that kill it (-9) and start it again.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = `${ROOT}node_modules/.bin/node`;

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Resolves when the process is gone. */
  exited: Promise<void>;
  kill9(): Promise<void>;
  stop(): Promise<void>;
  /** CPU time (user + system, ms) and RSS (kB) of the process now, from /proc. */
  usage(): { cpuMs: number; rssKb: number };
}

export function startServerProcess(
  dataDir: string,
  token: string,
  args: string[] = [],
  timeoutMs = 20_000,
): Promise<ServerProcess> {
  const child = spawn(NODE, ['src/core/serve.ts', '--port', '0', '--data-dir', dataDir, ...args], {
    cwd: ROOT,
    env: { ...process.env, MISSION_CONTROL_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms: ${output}`));
    }, timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const early = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening: ${output}`));
    };
    child.once('exit', early);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume();
      child.off('exit', early);
      const pid = child.pid as number;
      resolve({
        child,
        port: Number(match[2]),
        url: match[1] as string,
        exited,
        async kill9() {
          child.kill('SIGKILL');
          await exited;
        },
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
        usage: () => procUsage(pid),
      });
    });
  });
}

const TICKS_PER_S = 100; // USER_HZ on Linux

function procUsage(pid: number): { cpuMs: number; rssKb: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { cpuMs, rssKb };
  } catch {
    return { cpuMs: 0, rssKb: 0 };
  }
}
