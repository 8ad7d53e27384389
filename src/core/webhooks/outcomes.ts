// What an attempt leaves behind: the attempts log, the cursor, the failure streak with its backoff,
// the attention news (webhook_health_changed) and turning a webhook off after 24 h of failures.
import { clearTimeout, setTimeout } from 'node:timers';
import type { Transactions } from '../domain/transactions.ts';
import type { NewDelivery, WebhookRow, WebhookStore } from './store.ts';

/**
 * Accepted attempts are written together, at most this long after the first of them (at once when
 * WRITE_BATCH are waiting): one transaction and one cursor update per webhook for many events, not a
 * transaction each turn and an update per attempt. With ten webhooks that took creates on one
 * connection from ~1,100/s to ~1,350/s (bench/report/analysis.md). Reads of a webhook or its
 * attempts write them first (`engine.settle`).
 */
export const WRITE_WINDOW_MS = 20;
const WRITE_BATCH = 1_000;

export const RETRY_BASE_MS = 1000;
export const RETRY_CAP_MS = 5 * 60_000;
/** Failures in a row that put the webhook on the attention list. */
export const FAILING_AFTER = 5;
/** Failing this long turns the webhook off. */
export const DISABLE_AFTER_MS = 24 * 60 * 60_000;

/** 1 s, 2 s, 4 s … capped at 5 min; jitter takes up to a quarter off so retries of many do not align. */
export const backoffMs = (failures: number, random: () => number = Math.random): number =>
  Math.round(
    Math.min(RETRY_BASE_MS * 2 ** Math.max(0, failures - 1), RETRY_CAP_MS) * (0.75 + 0.25 * random()),
  );

export interface OutcomeHooks {
  /** WRITE_WINDOW_MS, unless a test says otherwise. */
  windowMs: number;
  random: () => number;
  /** Attempts of these webhooks were written (long-polls on their deliveries wake). */
  stored(ids: Iterable<string>): void;
  /** The webhook's row changed under its lane (failures, backoff, on/off). */
  changed(id: string): void;
  /** A retry was scheduled: the sweeper looks at its due moments again. */
  retryScheduled(): void;
  /** The webhook was turned off or is gone: the engine stops listening for it. */
  stopped(): void;
}

const healthy = (row: WebhookRow, at: string) => ({
  id: row.id,
  failures: 0,
  failing_since: null,
  next_attempt_at: null,
  enabled: row.enabled,
  disabled_reason: row.disabled_reason,
  at,
});

export function createOutcomes(tx: Transactions, store: WebhookStore, hooks: OutcomeHooks) {
  /** Accepted attempts not written yet (see WRITE_WINDOW_MS). */
  let accepted: Array<{ id: string; delivery: NewDelivery; to: number; exact: boolean }> = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  function flush(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (accepted.length === 0 || closed) return;
    const batch = accepted;
    accepted = [];
    tx.write(() => {
      const rows = new Map<string, WebhookRow | undefined>();
      /** Each webhook's cursor after the batch: set (after a reset, even backwards) or moved forward. */
      const cursors = new Map<string, { to: number; exact: boolean }>();
      for (const { id, delivery, to, exact } of batch) {
        if (!rows.has(id)) rows.set(id, store.find(id));
        const current = rows.get(id);
        if (!current) continue;
        store.addDelivery(id, delivery);
        const before = cursors.get(id);
        cursors.set(
          id,
          exact || !before ? { to, exact } : { to: Math.max(before.to, to), exact: before.exact },
        );
        // Already healthy (the common case): nothing more to write.
        if (current.failures === 0 && current.next_attempt_at === null) continue;
        store.outcome(healthy(current, delivery.at));
        if (current.failures >= FAILING_AFTER)
          tx.emit('webhook_health_changed', { webhook_id: id, state: 'cleared', failures: 0 }, delivery.at);
        rows.set(id, { ...current, failures: 0, failing_since: null, next_attempt_at: null });
        hooks.changed(id);
      }
      for (const [id, cursor] of cursors) {
        if (cursor.exact) store.setCursor(id, cursor.to);
        else store.advance(id, cursor.to);
      }
    });
    hooks.stored(new Set(batch.map((b) => b.id)));
  }

  return {
    /**
     * A 2xx: written with the others of its window (a crash before that repeats it: at least once,
     * with the same webhook-id).
     */
    accept(id: string, delivery: NewDelivery, to: number, exact = false): void {
      accepted.push({ id, delivery, to, exact });
      if (accepted.length >= WRITE_BATCH) flush();
      else if (timer === null) {
        timer = setTimeout(flush, hooks.windowMs);
        timer.unref();
      }
    },
    /** A failure: counted, with its backoff, at once (after what was accepted before it). */
    fail(id: string, delivery: NewDelivery): void {
      flush();
      let retry = false;
      tx.write(() => {
        const current = store.find(id);
        if (!current) return;
        store.addDelivery(id, delivery);
        const failures = current.failures + 1;
        const since = current.failing_since ?? delivery.at;
        const giveUp = Date.parse(delivery.at) - Date.parse(since) >= DISABLE_AFTER_MS;
        retry = !giveUp;
        store.outcome({
          id,
          failures,
          failing_since: since,
          next_attempt_at: giveUp
            ? null
            : new Date(Date.parse(delivery.at) + backoffMs(failures, hooks.random)).toISOString(),
          enabled: giveUp ? 0 : current.enabled,
          disabled_reason: giveUp ? 'failing' : current.disabled_reason,
          at: delivery.at,
        });
        // Onto the attention list, or off for good: every board refetches it.
        if (giveUp || failures === FAILING_AFTER)
          tx.emit(
            'webhook_health_changed',
            { webhook_id: id, state: giveUp ? 'disabled' : 'failing', failures },
            delivery.at,
          );
      });
      hooks.changed(id);
      hooks.stored([id]);
      if (retry) hooks.retryScheduled();
      else hooks.stopped();
    },
    /** Writes what was accepted now (close, tests). */
    flush,
    get pending(): boolean {
      return accepted.length > 0;
    },
    /** Writes what is pending, then nothing more (the database is about to close). */
    close(): void {
      flush();
      closed = true;
    },
  };
}
