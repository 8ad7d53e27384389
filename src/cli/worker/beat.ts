// While the command runs: renew the task's lease and beat its session, every interval, until stopped
// or until the server says the lease is lost (the operator moved or reassigned the card).
import { setTimeout as sleep } from 'node:timers/promises';
import { type ApiClient, ApiError, ConnectionError } from '../client.ts';
import type { Reporter } from './report.ts';

export interface BeatOptions {
  api: ApiClient;
  taskId: string;
  agentId: string;
  sessionId: string;
  leaseS: number;
  intervalMs: number;
  /** Called once when a renewal answers that the lease is not ours anymore. */
  onLost(why: string): void;
  report: Reporter;
}

/**
 * 409 lease_lost, 409 over_budget (its cost reached its budget), or 404 (the task was deleted): the
 * agent must stop work on the task.
 */
export function isLeaseLost(error: unknown): error is ApiError {
  const code = error instanceof ApiError ? error.body?.error?.code : undefined;
  return (
    error instanceof ApiError && (code === 'lease_lost' || code === 'over_budget' || error.status === 404)
  );
}

/** The interval between beats for a lease: a third of it, at least 10 s, at most 60 s. */
export function beatIntervalMs(leaseS: number, env: NodeJS.ProcessEnv): number {
  // Undocumented: tests shorten the interval to see a lost lease within a second.
  const forced = Number(env.MC_RUN_BEAT_MS);
  if (Number.isSafeInteger(forced) && forced > 0) return forced;
  return Math.min(60, Math.max(10, Math.floor(leaseS / 3))) * 1000;
}

export function startBeats(o: BeatOptions): { stop(): Promise<void> } {
  const stopper = new AbortController();
  let sessionBeats = true;
  let unreachable = false;

  const warn = (what: string, error: Error) =>
    o.report('warning', { task_id: o.taskId, what, message: error.message }, `${what}: ${error.message}`);

  const beat = async (): Promise<boolean> => {
    try {
      await o.api.call('tasks.renewLease', { id: o.taskId, agent_id: o.agentId, lease_s: o.leaseS });
      if (unreachable) o.report('reconnected', { task_id: o.taskId }, 'server reachable again');
      unreachable = false;
    } catch (error) {
      if (stopper.signal.aborted) return false;
      if (isLeaseLost(error)) {
        o.onLost(error.message);
        return false;
      }
      // Server away: keep the command running and keep trying; the lease holds for lease_s.
      if (error instanceof ConnectionError && unreachable) return true;
      if (error instanceof ConnectionError) unreachable = true;
      if (error instanceof ApiError || error instanceof ConnectionError) warn('lease renewal failed', error);
      else throw error;
      return true;
    }
    if (!sessionBeats) return true;
    try {
      await o.api.call('sessions.heartbeat', { id: o.sessionId });
    } catch (error) {
      if (!(error instanceof ApiError || error instanceof ConnectionError)) throw error;
      // Ended or deleted by someone else: the lease still decides whether the work goes on.
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) sessionBeats = false;
      warn('session heartbeat failed', error);
    }
    return true;
  };

  const loop = (async () => {
    for (;;) {
      try {
        await sleep(o.intervalMs, undefined, { signal: stopper.signal });
      } catch {
        return; // stopped
      }
      if (!(await beat())) return;
    }
  })();

  return {
    /** Stops beating; answers once a beat in flight is over (so nothing renews after a release). */
    async stop() {
      stopper.abort();
      await loop;
    },
  };
}
