// The one sweeper: every time-driven change (a lease runs out, a session goes silent, an agent's
// presence decays) is made here, as a normal domain write with its events. It sleeps until the next
// due moment (not a busy poll), looks again after any write that may have moved that moment, and
// runs right at start so what fell due while the server was down is handled at once.
import type { EventType } from '../shared/events.ts';
import type { Agents } from './domain/agents.ts';
import { EXPIRE_BATCH, type Leases } from './domain/leases.ts';
import type { Sessions } from './domain/sessions.ts';
import type { Transactions } from './domain/transactions.ts';

/** Webhook retries: the delivery engine's due moment, and what to do when it comes. */
export interface DueWebhooks {
  nextDue(): number | null;
  due(now: string): void;
}

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

/**
 * Events whose write can only move a due moment later or leave it (no lease taken, no session or
 * presence started; an agent a write marks seen changes presence through its own agent_updated).
 * After them the sweeper still looks again (the clock may have jumped past the due moment it knows),
 * but without reading the due moments again: that spares a create three index reads per turn
 * (bench/report/analysis.md). Woken too early, a sweep finds nothing and reads them then; any event
 * not listed here reads them at once.
 */
const NEVER_SOONER: ReadonlySet<EventType> = new Set<EventType>([
  'task_created',
  'task_deleted',
  'activity_logged',
  'deliverable_added',
  'comment_added',
  'attention_dismissed',
  'device_revoked',
]);

export interface SweepResult {
  expiredLeases: number;
  staleSessions: number;
  presenceChanges: number;
}

export function createSweeper(
  parts: { tx: Transactions; agents: Agents; leases: Leases; sessions: Sessions; webhooks?: DueWebhooks },
  timers: Timers = realTimers,
) {
  const { tx, agents, leases, sessions } = parts;
  let handle: unknown = null;
  /** A look is set for the end of this turn; `reread`: it must read the due moments again. */
  let dirty = false;
  let reread = false;
  let running = false;
  /** The next due moment as last read (ms since the epoch), or null for none. */
  let due: number | null = null;

  const nextDue = (): number | null => {
    const all = [
      leases.nextExpiry(),
      sessions.nextStale(),
      agents.nextDecay(),
      parts.webhooks?.nextDue() ?? null,
    ].filter((v): v is number => v !== null);
    return all.length ? Math.min(...all) : null;
  };

  /** `more`: a batch was full, so more is due now: come back at once (after this turn's other work). */
  const schedule = (more = false, fresh = true) => {
    dirty = false;
    reread = false;
    if (!running) return;
    if (handle !== null) timers.clearTimeout(handle);
    const now = Date.parse(tx.now());
    if (more) due = now;
    else if (fresh) due = nextDue();
    const wait = due === null ? MAX_SLEEP_MS : Math.min(Math.max(0, due - now), MAX_SLEEP_MS);
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
    // Retries are sent by the engine, after this turn: a sweep never waits on the network.
    parts.webhooks?.due(now);
    schedule(result.expiredLeases >= EXPIRE_BATCH);
    return result;
  }

  return {
    sweep,
    nextDue,
    /** After a committed write's event: it may have brought a due moment closer; look again once per turn. */
    notice(type: EventType): void {
      if (!running) return;
      if (!NEVER_SOONER.has(type)) reread = true;
      if (dirty) return;
      dirty = true;
      setImmediate(() => schedule(false, reread));
    },
    /** Something outside the event log (a webhook retry) moved a due moment: read them again. */
    recheck(): void {
      if (!running) return;
      reread = true;
      if (dirty) return;
      dirty = true;
      setImmediate(() => schedule(false, reread));
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
