// Test helper: the real `mission-control` bin as a child process, its output collected as it comes.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_TOKEN } from '../core/testing/harness.ts';

const BIN = fileURLToPath(new URL('../../bin/mission-control.mjs', import.meta.url));

export class Bin {
  stdout = '';
  stderr = '';
  readonly child: ChildProcess;
  readonly exited: Promise<number>;
  constructor(url: string, args: string[], stdin?: string) {
    this.child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, MISSION_CONTROL_URL: url, MISSION_CONTROL_TOKEN: TEST_TOKEN },
    });
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString();
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.child.stdin?.end(stdin ?? '');
    // 'close', not 'exit': by then stdout and stderr are read to the end.
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code ?? -1)));
  }
  /** The complete stdout lines so far. */
  get lines(): string[] {
    return this.stdout.split('\n').slice(0, -1);
  }
  /** Each stdout line parsed as JSON (for --json). */
  get json(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  async until(predicate: (bin: Bin) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (Date.now() > deadline) throw new Error(`timed out; stdout ${this.stdout}\nstderr ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the bin to its end (async: the server answers from this process meanwhile). */
export async function cli(url: string, args: string[], stdin?: string): Promise<Run> {
  const bin = new Bin(url, args, stdin);
  const timer = setTimeout(() => bin.child.kill('SIGKILL'), 15_000);
  const code = await bin.exited;
  clearTimeout(timer);
  return { code, stdout: bin.stdout, stderr: bin.stderr };
}
