// The command `run` starts for a claimed task: the task in its environment, a file and stdin; stopped
// as a whole process group (SIGTERM, then SIGKILL after a grace period).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Task } from '../../shared/entities.ts';

export interface ChildResult {
  /** The exit code, or null when a signal ended it or it never started. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the command could not be started at all (not found, not executable). */
  error?: Error;
}

export interface TaskChild {
  pid: number | undefined;
  done: Promise<ChildResult>;
  /** SIGTERM to its process group, SIGKILL after `graceMs` if it is still there; answers its end. */
  stop(graceMs: number): Promise<ChildResult>;
  /**
   * Resolves once its output is read to the end, or after `waitMs` (something it started in the
   * background may hold the pipes open): then it stops reading them.
   */
  outputDone(waitMs: number): Promise<void>;
}

/** Receives every chunk the command writes, after it was passed through to our own stdout/stderr. */
export type OutputListener = (stream: 'stdout' | 'stderr', chunk: Buffer) => void;

// Its own process group: a Ctrl-C at the terminal reaches `run` only, which stops the command the
// documented way, and stopping reaches what the command started (a script's own children) too.
const GROUPS = process.platform !== 'win32';

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(GROUPS ? -pid : pid, signal);
  } catch {
    // already gone
  }
}

let ignoring = false;
/** Our stdout piped into `head` that exited: the command's output still goes to its log, not a crash. */
function ignoreClosedTerminal(): void {
  if (ignoring) return;
  ignoring = true;
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
}

/**
 * Starts `command` (no shell) with the task as MC_TASK_* variables, a JSON file and its stdin. With
 * `onOutput` its stdout and stderr come through pipes: passed through to ours, and to the listener.
 */
export function startTaskChild(
  command: string[],
  task: Task,
  env: NodeJS.ProcessEnv,
  onOutput?: OutputListener,
): TaskChild {
  const dir = mkdtempSync(join(tmpdir(), 'mc-task-'));
  const file = join(dir, 'task.json');
  const json = `${JSON.stringify(task, null, 2)}\n`;
  writeFileSync(file, json, { mode: 0o600 });
  const [program = '', ...args] = command;
  const child = spawn(program, args, {
    env: { ...env, MC_TASK_ID: task.id, MC_TASK_TITLE: task.title, MC_TASK_FILE: file },
    stdio: ['pipe', onOutput ? 'pipe' : 'inherit', onOutput ? 'pipe' : 'inherit'],
    detached: GROUPS,
  });
  const pipes = onOutput
    ? ([
        ['stdout', child.stdout],
        ['stderr', child.stderr],
      ] as const)
    : [];
  if (onOutput) ignoreClosedTerminal();
  for (const [name, pipe] of pipes) {
    const ours = name === 'stdout' ? process.stdout : process.stderr;
    pipe?.on('data', (chunk: Buffer) => {
      ours.write(chunk);
      onOutput?.(name, chunk);
    });
  }
  const read = Promise.all(
    pipes.map(
      ([, pipe]) => new Promise<void>((resolve) => (pipe ? pipe.once('close', () => resolve()) : resolve())),
    ),
  );
  // A command that never reads its stdin (or exits early) must not fail the worker with EPIPE.
  child.stdin?.on('error', () => {});
  child.stdin?.end(json);

  const done = new Promise<ChildResult>((resolve) => {
    let settled = false;
    const settle = (result: ChildResult) => {
      if (settled) return;
      settled = true;
      rmSync(dir, { recursive: true, force: true });
      resolve(result);
    };
    child.once('exit', (code, signal) => settle({ code, signal }));
    child.once('error', (error) => settle({ code: null, signal: null, error }));
  });

  let stopping: Promise<ChildResult> | undefined;
  return {
    pid: child.pid,
    done,
    stop(graceMs) {
      stopping ??= (async () => {
        signalGroup(child.pid, 'SIGTERM');
        const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), graceMs);
        const result = await done;
        clearTimeout(timer);
        return result;
      })();
      return stopping;
    },
    async outputDone(waitMs) {
      await done;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([read, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
      clearTimeout(timer);
      for (const [, pipe] of pipes) pipe?.destroy();
    },
  };
}

/** `node -e …` → `node`; for messages. */
export function commandText(command: string[], max = 120): string {
  const text = command.map((arg) => (/^[\w./:=@%+-]+$/.test(arg) ? arg : JSON.stringify(arg))).join(' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
