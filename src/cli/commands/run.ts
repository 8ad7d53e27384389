// `run`: the worker loop that turns any command-line agent into a Mission Control worker.
import { constants } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Lease, Task } from '../../shared/entities.ts';
import { bounded, EXIT, str, UsageError } from '../args.ts';
import { ConnectionError } from '../client.ts';
import type { CliCommand } from '../command.ts';
import { beatIntervalMs } from '../worker/beat.ts';
import { runJob, type Worker } from '../worker/job.ts';
import { createReporter } from '../worker/report.ts';

const THEN = ['review', 'testing', 'done'] as const;
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const DEFAULT_LEASE_S = 300;
const DEFAULT_WAIT_S = 30;
const GRACE_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;

/** How shells report a process ended by a signal: 130 for SIGINT, 143 for SIGTERM. */
const signalExit = (signal: unknown) => 128 + (constants.signals[signal as NodeJS.Signals] ?? 15);

const DETAILS = `
Claims the next task for the agent (waiting up to --wait s per claim, default 30, again and again),
registers a sub-agent session on it, and runs COMMAND (no shell) with the task in its environment:
  MC_TASK_ID, MC_TASK_TITLE, MC_TASK_FILE (a JSON file of the task, removed afterwards),
  MC_AGENT_ID, MC_SESSION_ID, MISSION_CONTROL_URL, MISSION_CONTROL_TOKEN;
the task's JSON is also written to its stdin. Its stdout and stderr pass through to run's own and go
to the session log line by line (at most ~100 ms behind; see mission-control logs SESSION_ID --follow),
all of it shipped before the session ends. While it runs, the lease (--lease s, default 300) is
renewed and the session beats every third of the lease (10..60 s).
  exit 0        the task moves to --then (default review); the session ends completed
  exit non-0    a failure activity is logged, the task is handed back; the session ends failed
  lease lost    (the card was moved or reassigned) the command is stopped; the session ends failed
  Ctrl-C/TERM   the command is stopped, the task handed back, the session ends failed; run exits
A stopped command's process group gets SIGTERM, then SIGKILL after 10 s.
Progress goes to stderr, one line per claimed and finished task (--json: JSON lines).

Exit codes:
  0    --once: the command succeeded and the task moved on
  1    --once: the command failed or the lease was lost; the command cannot be started; the
       server refused (unknown agent…)
  2    usage
  3    cannot connect (at start, or any time with --once; the loop retries once it ran)
  4    --once: nothing was claimable within --wait
  130  stopped by Ctrl-C (143 SIGTERM, 129 SIGHUP); the task in hand was handed back
`;

export const runCommand: CliCommand = {
  words: ['run'],
  usage:
    'run --agent AGENT_ID [--once] [--wait S] [--lease S] [--then review|testing|done] -- COMMAND [ARG]...',
  summary:
    'Worker loop: claim a task, run COMMAND with it (MC_TASK_ID, MC_TASK_TITLE, MC_TASK_FILE, stdin), ' +
    'renew the lease meanwhile; exit 0 → review, else hand it back. Exit 4: --once found nothing',
  details: DETAILS,
  options: {
    agent: { type: 'string' },
    once: { type: 'boolean' },
    wait: { type: 'string' },
    lease: { type: 'string' },
    // biome-ignore lint/suspicious/noThenProperty: the flag is --then; this object is never awaited
    then: { type: 'string' },
  },
  async run({ values, positionals, out, env, client }) {
    const agentId = str(values.agent);
    if (!agentId) throw new UsageError('missing --agent AGENT_ID');
    if (positionals.length === 0)
      throw new UsageError('missing the command: run --agent ID -- COMMAND [ARG]...');
    const then = str(values.then) ?? 'review';
    if (!(THEN as readonly string[]).includes(then))
      throw new UsageError(`--then must be one of ${THEN.join(', ')}`);
    const leaseS = bounded(values.lease, 'lease', 10, 3600) ?? DEFAULT_LEASE_S;
    const waitS = bounded(values.wait, 'wait', 0, 60) ?? DEFAULT_WAIT_S;
    const api = client();

    const stopper = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => {
      // A second Ctrl-C changes nothing: the command already has its SIGTERM and its SIGKILL timer.
      if (!stopper.signal.aborted) stopper.abort(signal);
    };
    for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
    try {
      const agent = await api.call('agents.heartbeat', { id: agentId });
      const grace = Number(env.MC_RUN_GRACE_MS); // undocumented: for tests
      const w: Worker = {
        api,
        agent,
        command: positionals,
        leaseS,
        moveTo: then as Worker['moveTo'],
        beatMs: beatIntervalMs(leaseS, env),
        graceMs: Number.isSafeInteger(grace) && grace > 0 ? grace : GRACE_MS,
        env: {
          ...env,
          MISSION_CONTROL_URL: api.target.url,
          ...(api.target.token ? { MISSION_CONTROL_TOKEN: api.target.token } : {}),
        },
        report: createReporter(out.json),
        stopped: stopper.signal,
      };
      w.report(
        'waiting',
        { agent_id: agent.id },
        `${agent.name} (${agent.id}) waiting for tasks at ${api.target.url}`,
      );
      return await loop(w, values.once === true, waitS);
    } finally {
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    }
  },
};

async function loop(w: Worker, once: boolean, waitS: number): Promise<number> {
  let backoff = 1000;
  for (;;) {
    if (w.stopped.aborted) return signalExit(w.stopped.reason);
    let claim: { task: Task; lease: Lease } | null;
    try {
      claim = await w.api.call(
        'work.claim',
        { agent_id: w.agent.id, wait_s: waitS, lease_s: w.leaseS },
        { signal: w.stopped },
      );
      backoff = 1000;
      if (!claim) {
        if (!once) continue;
        w.report('idle', { agent_id: w.agent.id }, `nothing to claim within ${waitS} s`);
        return EXIT.nothing;
      }
      if (w.stopped.aborted) {
        // The claim came back as the signal arrived: give it straight back.
        await w.api.call('tasks.release', { id: claim.task.id, agent_id: w.agent.id });
        return signalExit(w.stopped.reason);
      }
      const outcome = await runJob(w, claim);
      if (w.stopped.aborted) return signalExit(w.stopped.reason);
      if (outcome === 'unstartable') return EXIT.failed;
      if (once) return outcome === 'done' ? EXIT.ok : EXIT.failed;
    } catch (error) {
      if (w.stopped.aborted) return signalExit(w.stopped.reason);
      if (!(error instanceof ConnectionError) || once) throw error;
      w.report('warning', { message: error.message }, `${error.message}; retrying in ${backoff / 1000} s`);
      await sleep(backoff, undefined, { signal: w.stopped }).catch(() => {});
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }
}
