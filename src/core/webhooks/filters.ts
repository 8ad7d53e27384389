// Which events a webhook wants (its `events` types and its agent's news), and the latest events kept
// in memory so that lanes rarely read the log from SQLite.
import type { DomainEvent, EventType } from '../../shared/events.ts';
import { isRelevantTo } from '../../shared/relevance.ts';
import type { StoredEventRow } from '../events/log.ts';
import type { WebhookRow } from './store.ts';

export interface Filter {
  types: Set<string> | null;
  agentId: string | null;
}

export const filterOf = (row: WebhookRow): Filter => {
  const types = JSON.parse(row.events) as string[];
  return { types: types.length ? new Set(types) : null, agentId: row.agent_id };
};

/** `event` is only parsed when the agent rule needs the payload. */
export const wanted = (filter: Filter, type: EventType, event: () => DomainEvent): boolean =>
  (!filter.types || filter.types.has(type)) && (!filter.agentId || isRelevantTo(event(), filter.agentId));

export const parsed = (row: StoredEventRow) => () =>
  ({ ...row, payload: JSON.parse(row.payload) }) as unknown as DomainEvent;

const KEPT = 4096;

/** The latest committed events as the log stores them, ids contiguous up to the last published one. */
export class RecentEvents {
  #rows: StoredEventRow[] = [];

  add(event: DomainEvent): void {
    if (this.#rows.at(-1)?.id !== event.id - 1) this.#rows = [];
    const { id, type, created_at } = event;
    this.#rows.push({ id, type, payload: JSON.stringify(event.payload), created_at });
    if (this.#rows.length > 2 * KEPT) this.#rows = this.#rows.slice(-KEPT);
  }

  /** An event went by unheard: what is kept no longer reaches the latest. */
  forget(): void {
    if (this.#rows.length > 0) this.#rows = [];
  }

  /**
   * The events after `cursor` as `rows` from index `from` (a view, not a copy), or null when memory
   * does not hold them all (then read the log).
   */
  after(cursor: number): { rows: readonly StoredEventRow[]; from: number } | null {
    const first = this.#rows[0];
    const last = this.#rows.at(-1);
    if (!first || !last || first.id > cursor + 1 || cursor > last.id) return null;
    return { rows: this.#rows, from: cursor + 1 - first.id };
  }
}
