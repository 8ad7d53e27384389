// The delivery engine: for each enabled webhook, a lane that reads the event log from its durable
// cursor and posts one event at a time, the next only after a 2xx. Woken by committed events (never
// inside a write's transaction) and, for retries, by the sweeper at the due moment.
import { randomUUID } from 'node:crypto';
import { Agent as HttpAgent } from 'undici';
import type { DomainEvent } from '../../shared/events.ts';
import type { WebhookDelivery } from '../../shared/webhooks.ts';
import type { Transactions } from '../domain/transactions.ts';
import { type Filter, filterOf, RecentEvents, wanted } from './filters.ts';
import { createOutcomes, WRITE_WINDOW_MS } from './outcomes.ts';
import { createReader, type Item, type Scan } from './reader.ts';
import { type Attempt, eventBody, post, resetBody } from './send.ts';
import { signedHeaders } from './signature.ts';
import type { WebhookRow, WebhookStore } from './store.ts';

export const TIMEOUT_MS = 10_000;

export interface EngineOptions {
  /** Per attempt, answer included (tests shorten it). */
  timeoutMs?: number;
  /** Jitter source, 0..1 (tests pin it). */
  random?: () => number;
  /** How long accepted attempts may wait to be written together (outcomes.ts; tests lengthen it). */
  writeWindowMs?: number;
}

interface Lane extends Scan {
  running: boolean;
  again: boolean;
  controller: AbortController | null;
  /** The webhook as last read; dropped whenever it may have changed (owner, failure, turned off). */
  row: WebhookRow | null;
}

export function createEngine(tx: Transactions, store: WebhookStore, options: EngineOptions = {}) {
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const random = options.random ?? Math.random;
  const dispatcher = new HttpAgent({ connect: { timeout: timeoutMs }, keepAliveTimeout: 10_000 });
  const lanes = new Map<string, Lane>();
  const runs = new Set<Promise<void>>();
  /** Enabled webhooks' filters, so a committed event wakes only the lanes it concerns. */
  let filters = new Map<string, Filter>();
  let woken = new Set<string>();
  let wakeQueued = false;
  let closed = false;
  /** Aborted by close: pings in flight end too. */
  const closing = new AbortController();
  const deliveryListeners = new Set<(webhookId: string) => void>();
  /** Told when a retry was scheduled (the sweeper looks at its due moments again). */
  let onRetryScheduled = () => {};
  /** The latest committed events, shared by every lane. */
  const recent = new RecentEvents();
  const { next, persist } = createReader(tx, store, recent, (id) => filters.get(id));
  const notify = (ids: Iterable<string>) => {
    for (const id of ids) for (const listener of deliveryListeners) listener(id);
  };
  const outcomes = createOutcomes(tx, store, {
    windowMs: options.writeWindowMs ?? WRITE_WINDOW_MS,
    random,
    stored: notify,
    changed: (id) => {
      const lane = lanes.get(id);
      if (lane) lane.row = null;
    },
    retryScheduled: () => onRetryScheduled(),
    stopped: () => reload(),
  });

  const laneOf = (id: string): Lane => {
    let lane = lanes.get(id);
    if (!lane) {
      lane = { running: false, again: false, controller: null, scanned: 0, persisted: 0, row: null };
      lanes.set(id, lane);
    }
    return lane;
  };

  const reload = () => {
    filters = new Map(store.enabled().map((row) => [row.id, filterOf(row)]));
  };

  function kick(id: string): void {
    if (closed) return;
    const lane = laneOf(id);
    if (lane.running) {
      lane.again = true;
      return;
    }
    lane.running = true;
    const run = drive(id, lane).finally(() => {
      lane.running = false;
      runs.delete(run);
    });
    runs.add(run);
  }

  async function drive(id: string, lane: Lane): Promise<void> {
    do {
      lane.again = false;
      while (!closed) {
        lane.row ??= store.find(id) ?? null;
        const row = lane.row;
        if (row?.enabled !== 1) return;
        if (row.next_attempt_at && row.next_attempt_at > tx.now()) {
          // The sweeper wakes it; it left this retry out while the lane ran (nextDue), so tell it.
          onRetryScheduled();
          return;
        }
        const item = next(row, lane);
        if (!item) break;
        if (!(await deliver(row, item, lane))) break;
      }
    } while (lane.again && !closed);
  }

  async function deliver(row: WebhookRow, item: Item, lane: Lane): Promise<boolean> {
    const at = tx.now();
    const [webhookId, type, body, to] =
      item.kind === 'event'
        ? [String(item.row.id), item.row.type, eventBody(item.row), item.row.id]
        : [`reset_${item.to}`, 'reset', resetBody(item.to, item.reason, at), item.to];
    const controller = new AbortController();
    lane.controller = controller;
    const attempt = await send(row, webhookId, body, controller.signal);
    lane.controller = null;
    // Closed, deleted, turned off or re-pointed meanwhile: this attempt no longer counts.
    if (closed || controller.signal.aborted) return false;
    const delivery = { event_id: webhookId, type, ...attempt, at: tx.now() };
    if (delivery.error !== null) {
      lane.row = null;
      outcomes.fail(row.id, delivery);
      return false;
    }
    // A reset may move the cursor back (a log that never held it): set, not only moved forward.
    const exact = item.kind === 'reset';
    lane.scanned = exact ? to : Math.max(lane.scanned, to);
    lane.persisted = exact ? to : Math.max(lane.persisted, to);
    outcomes.accept(row.id, delivery, to, exact);
    if (exact) {
      outcomes.flush(); // rare: the row read next must already hold the new cursor
      lane.row = null;
    }
    return true;
  }

  const send = (row: WebhookRow, webhookId: string, body: string, signal: AbortSignal): Promise<Attempt> =>
    post({
      dispatcher,
      url: row.url,
      // Receivers check the timestamp against their own clock: always the real time.
      headers: signedHeaders(row.secret, webhookId, Math.floor(Date.now() / 1000), body),
      body,
      timeoutMs,
      signal,
    });

  return {
    /** Loads the enabled webhooks and tries each at once, pending retries included (a restart). */
    start(): void {
      tx.write(() => store.clearBackoff());
      reload();
      for (const id of filters.keys()) kick(id);
    },
    /** After each committed event: wakes (next turn, outside any transaction) the lanes it concerns. */
    notice(event: DomainEvent): void {
      if (closed) return;
      if (filters.size === 0) {
        recent.forget(); // unheard, it would leave a hole at the end of what memory holds
        return;
      }
      recent.add(event);
      for (const [id, filter] of filters) if (wanted(filter, event.type, () => event)) woken.add(id);
      if (woken.size === 0 || wakeQueued) return;
      wakeQueued = true;
      setImmediate(() => {
        wakeQueued = false;
        const ids = woken;
        woken = new Set();
        for (const id of ids) kick(id);
      });
    },
    /** A webhook was added, changed or removed: forget what its lane knew, stop its attempt, go again. */
    changed(id: string): void {
      outcomes.flush(); // the cursor is read again below: what was accepted must be in it
      const lane = lanes.get(id);
      if (lane) {
        lane.controller?.abort();
        lane.row = null;
        lane.scanned = 0;
        lane.persisted = 0;
      }
      reload();
      if (filters.has(id)) kick(id);
      else lanes.delete(id);
    },
    /** The sweeper: retries due by `now`. */
    due(now: string): void {
      for (const id of store.dueNow(now)) kick(id);
    },
    /**
     * The earliest pending retry of a lane not running now: one running is already trying it (counting
     * it would wake the sweeper again and again until that attempt ends).
     */
    nextDue(): number | null {
      let next: number | null = null;
      for (const { id, next_attempt_at } of store.retries()) {
        if (lanes.get(id)?.running) continue;
        const at = Date.parse(next_attempt_at);
        if (next === null || at < next) next = at;
      }
      return next;
    },
    /** A `ping`, outside the event order: it moves no cursor and counts toward no failure streak. */
    async ping(row: WebhookRow): Promise<WebhookDelivery> {
      const id = `ping_${randomUUID()}`;
      const at = tx.now();
      const body = JSON.stringify({ id, type: 'ping', timestamp: at, data: { webhook_id: row.id } });
      const attempt = await send(row, id, body, closing.signal);
      const delivery = { event_id: id, type: 'ping', ...attempt, at: tx.now() };
      if (closed) return { seq: 0, ...delivery };
      tx.write(() => {
        if (store.find(row.id)) store.addDelivery(row.id, delivery);
      });
      notify([row.id]);
      return { seq: store.deliveries(row.id, 0, 1)[0]?.seq ?? 0, ...delivery };
    },
    onDelivery(listener: (webhookId: string) => void): () => void {
      deliveryListeners.add(listener);
      return () => deliveryListeners.delete(listener);
    },
    set onRetryScheduled(fn: () => void) {
      onRetryScheduled = fn;
    },
    /** Writes the accepted attempts still waiting for their window (before anything reads them). */
    settle(): void {
      outcomes.flush();
    },
    /** Resolves when no lane is delivering and every attempt is written (tests). */
    async idle(): Promise<void> {
      while (runs.size > 0 || wakeQueued || outcomes.pending) {
        await Promise.all([...runs]);
        await new Promise((resolve) => setImmediate(resolve));
        if (runs.size === 0 && !wakeQueued) outcomes.flush();
      }
    },
    /** Aborts attempts in flight (they are not recorded) and keeps what the lanes skipped. */
    close(): void {
      if (closed) return;
      closed = true;
      closing.abort();
      outcomes.close();
      for (const [id, lane] of lanes) {
        lane.controller?.abort();
        persist(id, lane);
      }
      void dispatcher.destroy().catch(() => {});
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
