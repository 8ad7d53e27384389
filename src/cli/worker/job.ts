// One claimed task, from its session to its end: run the command while beating, then move the task
// on (exit 0), hand it back (failure, Ctrl-C) or let it go (lease lost), and end the session.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Agent, Lease, Session, Task } from '../../shared/entities.ts';
import type { TaskStatus } from '../../shared/enums.ts';
import { type ApiClient, ApiError, ConnectionError } from '../client.ts';
import { isLeaseLost, startBeats } from './beat.ts';
import { type ChildResult, commandText, startTaskChild, type TaskChild } from './child.ts';
import { type LogShipper, startLogShipper } from './logs.ts';
import { type Reporter, seconds } from './report.ts';

export interface Worker {
  api: ApiClient;
  agent: Agent;
  command: string[];
  leaseS: number;
  moveTo: TaskStatus;
  beatMs: number;
  /** How long a stopped command gets between SIGTERM and SIGKILL. */
  graceMs: number;
  /** What the command inherits; the MC_* variables are added per task. */
  env: NodeJS.ProcessEnv;
  report: Reporter;
  /** Aborted, with the signal's name as reason, when `run` is told to stop. */
  stopped: AbortSignal;
}

/** `unstartable`: the command could not be started at all, so every task would fail the same way. */
export type Outcome = 'done' | 'failed' | 'lost' | 'stopped' | 'unstartable';

type Ending =
  | { kind: 'exit'; result: ChildResult }
  | { kind: 'lost'; why: string }
  | { kind: 'stop'; signal: string };

interface Job {
  w: Worker;
  task: Task;
  session: Session;
  command: string;
  started: number;
  /** The command's output on its way to the session log. */
  logs: LogShipper;
  child: TaskChild | null;
}

/** How long the output may go on after the command exited (a background process holding the pipe). */
const OUTPUT_WAIT_MS = 2_000;

/** A write whose failure must not stop the others: reported, then skipped. */
async function attempt<T>(w: Worker, what: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof ApiError || error instanceof ConnectionError)) throw error;
    w.report('warning', { what, message: error.message }, `could not ${what}: ${error.message}`);
    return undefined;
  }
}

const log = (j: Job, message: string, metadata: Record<string, unknown>) =>
  attempt(j.w, 'log an activity', () =>
    j.w.api.call('activities.create', {
      task_id: j.task.id,
      activity: {
        activity_type: 'updated',
        message,
        agent_id: j.w.agent.id,
        metadata: { ...metadata, command: j.command, session_id: j.session.id },
      },
    }),
  );
const release = (j: Job) =>
  attempt(j.w, `hand ${j.task.id} back`, () =>
    j.w.api.call('tasks.release', { id: j.task.id, agent_id: j.w.agent.id }),
  );
/** Ships the rest of the output first: once the session ended, its log takes lines only briefly. */
const endSession = async (j: Job, status: 'completed' | 'failed') => {
  await j.child?.outputDone(OUTPUT_WAIT_MS);
  j.logs.info(`run: session ${status} after ${seconds(elapsed(j))}`);
  await j.logs.close();
  return attempt(j.w, `end session ${j.session.id}`, () =>
    j.w.api.call('sessions.update', { id: j.session.id, changes: { status } }),
  );
};
const elapsed = (j: Job) => performance.now() - j.started;

async function register(w: Worker, task: Task): Promise<Session> {
  try {
    return await w.api.call('sessions.register', {
      task_id: task.id,
      session: {
        openclaw_session_id: `run-${randomUUID()}`,
        agent_name: `${w.agent.name} (${basename(w.command[0] ?? 'run')})`,
        agent_id: w.agent.id,
        // Three missed beats and the board shows the session as silent.
        heartbeat_ttl_s: Math.min(86_400, Math.max(10, Math.ceil((3 * w.beatMs) / 1000))),
      },
    });
  } catch (error) {
    await attempt(w, `hand ${task.id} back`, () =>
      w.api.call('tasks.release', { id: task.id, agent_id: w.agent.id }),
    );
    throw error;
  }
}

/** Runs the command for a claimed task and settles the task and its session; answers how it ended. */
export async function runJob(w: Worker, claim: { task: Task; lease: Lease }): Promise<Outcome> {
  const { task } = claim;
  const session = await register(w, task);
  const logs = startLogShipper({ api: w.api, sessionId: session.id, report: w.report });
  const j: Job = {
    w,
    task,
    session,
    command: commandText(w.command),
    started: performance.now(),
    logs,
    child: null,
  };
  const child = startTaskChild(
    w.command,
    task,
    { ...w.env, MC_AGENT_ID: w.agent.id, MC_SESSION_ID: session.id },
    (stream, chunk) => logs.write(stream, chunk),
  );
  j.child = child;
  logs.info(`run: ${j.command} (pid ${child.pid ?? '-'}) for task ${task.id}`);
  w.report(
    'claimed',
    { task_id: task.id, title: task.title, session_id: session.id, pid: child.pid ?? null },
    `claimed ${task.id} "${task.title}": running ${j.command} (pid ${child.pid ?? '-'}, session ${session.id})`,
  );

  let onLost: (why: string) => void = () => {};
  const lost = new Promise<string>((resolve) => {
    onLost = resolve;
  });
  let onStop: () => void = () => {};
  const stop = new Promise<string>((resolve) => {
    onStop = () => resolve(String(w.stopped.reason));
  });
  w.stopped.addEventListener('abort', onStop, { once: true });
  if (w.stopped.aborted) onStop();
  const beats = startBeats({
    api: w.api,
    taskId: task.id,
    agentId: w.agent.id,
    sessionId: session.id,
    leaseS: w.leaseS,
    intervalMs: w.beatMs,
    onLost,
    report: w.report,
  });
  const ending: Ending = await Promise.race([
    child.done.then((result) => ({ kind: 'exit' as const, result })),
    lost.then((why) => ({ kind: 'lost' as const, why })),
    stop.then((signal) => ({ kind: 'stop' as const, signal })),
  ]);
  w.stopped.removeEventListener('abort', onStop);
  await beats.stop();

  switch (ending.kind) {
    case 'exit':
      if (ending.result.error) return unstartable(j, ending.result.error);
      return ending.result.code === 0 ? succeeded(j) : failed(j, ending.result);
    case 'lost': {
      w.report('lost', { task_id: task.id, why: ending.why }, `lease lost on ${task.id}: ${ending.why}`);
      await child.stop(w.graceMs);
      await log(j, `Stopped ${j.command} after ${seconds(elapsed(j))}: lease lost (${ending.why})`, {
        reason: 'lease_lost',
      });
      await endSession(j, 'failed');
      return 'lost';
    }
    case 'stop': {
      w.report(
        'stopping',
        { task_id: task.id, signal: ending.signal },
        `${ending.signal}: stopping ${j.command}`,
      );
      await child.stop(w.graceMs);
      await log(j, `Worker stopped by ${ending.signal}: ${j.command} stopped; task handed back`, {
        reason: 'interrupted',
        signal: ending.signal,
      });
      await release(j);
      await endSession(j, 'failed');
      w.report('released', { task_id: task.id }, `${task.id} handed back`);
      return 'stopped';
    }
  }
}

/** Exit 0: still ours? Then move it on (If-Match, so a move by the operator meanwhile wins). */
async function succeeded(j: Job): Promise<Outcome> {
  const { w, task } = j;
  const took = seconds(elapsed(j));
  // The server may be away for a moment: retry while the lease can still hold, then give up (the
  // server hands the task back when the lease runs out).
  const deadline = performance.now() + w.leaseS * 1000;
  let held: { task: Task } | undefined;
  for (let backoff = 1000; !held; backoff = Math.min(backoff * 2, 10_000)) {
    try {
      held = await w.api.call('tasks.renewLease', { id: task.id, agent_id: w.agent.id });
    } catch (error) {
      if (isLeaseLost(error)) return finishedTooLate(j, error.message);
      if (!(error instanceof ConnectionError) || performance.now() > deadline || w.stopped.aborted)
        throw error;
      await sleep(backoff, undefined, { signal: w.stopped }).catch(() => {});
    }
  }
  try {
    await w.api.call('tasks.update', {
      id: task.id,
      changes: { status: w.moveTo, agent_id: w.agent.id },
      expected_version: held.task.version,
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 409) return finishedTooLate(j, 'the task changed meanwhile');
    w.report(
      'warning',
      { task_id: task.id, message: error.message },
      `could not move ${task.id}: ${error.message}`,
    );
    await release(j);
    await endSession(j, 'failed');
    return 'failed';
  }
  await endSession(j, 'completed');
  w.report('done', { task_id: task.id, status: w.moveTo }, `${task.id} done in ${took} → ${w.moveTo}`);
  return 'done';
}

async function finishedTooLate(j: Job, why: string): Promise<Outcome> {
  j.w.report('lost', { task_id: j.task.id, why }, `${j.task.id} finished but the lease was lost: ${why}`);
  await log(j, `${j.command} finished (exit 0) after the lease was lost (${why}); task left where it is`, {
    reason: 'lease_lost',
    exit_code: 0,
  });
  await endSession(j, 'failed');
  return 'lost';
}

async function failed(j: Job, result: ChildResult): Promise<Outcome> {
  const how = result.signal ? `killed by ${result.signal}` : `exit ${result.code}`;
  const took = seconds(elapsed(j));
  await log(j, `${j.command} failed (${how}) after ${took}; task handed back`, {
    reason: 'failed',
    exit_code: result.code,
    signal: result.signal,
    duration_ms: Math.round(elapsed(j)),
  });
  await release(j);
  await endSession(j, 'failed');
  j.w.report(
    'failed',
    { task_id: j.task.id, exit_code: result.code, signal: result.signal },
    `${j.task.id} failed (${how}) after ${took}; handed back`,
  );
  return 'failed';
}

async function unstartable(j: Job, error: Error): Promise<Outcome> {
  j.w.report(
    'error',
    { task_id: j.task.id, message: error.message },
    `cannot start ${j.command}: ${error.message}`,
  );
  await log(j, `Cannot start ${j.command}: ${error.message}; task handed back`, { reason: 'unstartable' });
  await release(j);
  await endSession(j, 'failed');
  return 'unstartable';
}
