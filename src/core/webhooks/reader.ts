// What a lane delivers next: the webhook's next wanted event after its cursor (from the events kept in
// memory, else the log), or a reset when the log no longer holds the cursor; and what it skipped.
import type { Transactions } from '../domain/transactions.ts';
import type { StoredEventRow } from '../events/log.ts';
import { type Filter, filterOf, parsed, type RecentEvents, wanted } from './filters.ts';
import type { WebhookRow, WebhookStore } from './store.ts';

const SCAN_PAGE = 100;
/** Events skipped by a filter are remembered in memory; the cursor is written at least this often. */
const PERSIST_SKIPPED_EVERY = 1000;

export type Item = { kind: 'event'; row: StoredEventRow } | { kind: 'reset'; to: number; reason: string };

/** How far a lane has read. */
export interface Scan {
  /** Events up to here were looked at and filtered out (may be ahead of the stored cursor). */
  scanned: number;
  persisted: number;
}

/** `known` is the enabled webhooks' filters, as the engine last loaded them. */
export function createReader(
  tx: Transactions,
  store: WebhookStore,
  recent: RecentEvents,
  known: (id: string) => Filter | undefined,
) {
  /** The next item for this webhook after its cursor, or null when it is up to date. */
  function next(row: WebhookRow, lane: Scan): Item | null {
    const from = Math.max(row.cursor, lane.scanned);
    const held = recent.after(from);
    if (held) {
      // Everything after the cursor is in memory (the log holds nothing newer than the last published).
      const filter = known(row.id) ?? filterOf(row);
      const { rows } = held;
      for (let i = held.from; i < rows.length; i++) {
        const event = rows[i] as StoredEventRow;
        if (wanted(filter, event.type, parsed(event))) {
          remember(row.id, lane, event.id - 1);
          return { kind: 'event', row: event };
        }
      }
      remember(row.id, lane, rows.at(-1)?.id ?? from);
      return null;
    }
    const { oldest, latest } = tx.log.bounds();
    if (from > latest) return { kind: 'reset', to: latest, reason: 'unknown event id' };
    if (from + 1 < oldest)
      return { kind: 'reset', to: oldest - 1, reason: 'event id older than the retained log' };
    const filter = filterOf(row);
    let cursor = from;
    while (cursor < latest) {
      const page = tx.log.rowsAfter(cursor, SCAN_PAGE);
      if (page.length === 0) break;
      for (const event of page) {
        if (wanted(filter, event.type, parsed(event))) {
          remember(row.id, lane, event.id - 1);
          return { kind: 'event', row: event };
        }
        cursor = event.id;
      }
    }
    remember(row.id, lane, cursor);
    return null;
  }

  function remember(id: string, lane: Scan, scanned: number): void {
    lane.scanned = Math.max(lane.scanned, scanned);
    if (lane.scanned - lane.persisted < PERSIST_SKIPPED_EVERY) return;
    persist(id, lane);
  }

  /** Writes what the lane skipped past the stored cursor. */
  function persist(id: string, lane: Scan): void {
    if (lane.scanned <= lane.persisted) return;
    tx.write(() => store.advance(id, lane.scanned));
    lane.persisted = lane.scanned;
  }

  return { next, persist };
}
