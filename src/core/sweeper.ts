// The one sweeper: every time-driven change (a lease runs out, a session goes silent, an agent's
// presence decays) is made here, as a normal domain write with its events. It sleeps until the next
// due moment (not a busy poll), looks again after any write that may have moved that moment, and
// runs right at start so what fell due while the server was down is handled at once.
import type { Agents } from './domain/agents.ts';
import { EXPIRE_BATCH, type Leases } from './domain/leases.ts';
import type { Sessions } from './domain/sessions.ts';
import type { Transactions } from './domain/transactions.ts';

/** Wake at least this often, so a wall-clock jump (a laptop waking up) is noticed soon. */
export const MAX_SLEEP_MS = 60_000;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref(); // never the reason a process stays up
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface SweepResult {
  expiredLeases: number;
  staleSessions: number;
  presenceChanges: number;
}

export function createSweeper(
  parts: { tx: Transactions; agents: Agents; leases: Leases; sessions: Sessions },
  timers: Timers = realTimers,
) {
  const { tx, agents, leases, sessions } = parts;
  let handle: unknown = null;
  let dirty = false;
  let running = false;

  const nextDue = (): number | null => {
    const due = [leases.nextExpiry(), sessions.nextStale(), agents.nextDecay()].filter(
      (v): v is number => v !== null,
    );
    return due.length ? Math.min(...due) : null;
  };

  /** `more`: a batch was full, so more is due now: come back at once (after this turn's other work). */
  const schedule = (more = false) => {
    dirty = false;
    if (!running) return;
    if (handle !== null) timers.clearTimeout(handle);
    const due = more ? Date.parse(tx.now()) : nextDue();
    const wait =
      due === null ? MAX_SLEEP_MS : Math.min(Math.max(0, due - Date.parse(tx.now())), MAX_SLEEP_MS);
    handle = timers.setTimeout(() => {
      handle = null;
      sweep();
    }, wait);
  };

  /** Makes every change due by now; answers what it did. Safe to call any time (tests do). */
  function sweep(): SweepResult {
    const now = tx.now();
    const result = {
      expiredLeases: leases.expire(now),
      staleSessions: sessions.markStale(now),
      presenceChanges: agents.decayPresence(now),
    };
    schedule(result.expiredLeases >= EXPIRE_BATCH);
    return result;
  }

  return {
    sweep,
    nextDue,
    /** After any committed write: it may have brought a due moment closer; look again once per turn. */
    notice(): void {
      if (dirty || !running) return;
      dirty = true;
      setImmediate(() => schedule());
    },
    /** Sweeps once now, then keeps sweeping at each due moment. */
    start(): SweepResult {
      running = true;
      return sweep();
    },
    stop(): void {
      running = false;
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
  };
}

export type Sweeper = ReturnType<typeof createSweeper>;
