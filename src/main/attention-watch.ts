// The attention list as the desktop shows it: read from the core at start, then again after the
// events that may change it, coalesced (one read per burst, at most one per `intervalMs`), so a
// hundred writes in one turn cost one SQL statement. The tray and the notifications subscribe here.
import type { Core } from '../core/core.ts';
import { FAILED_WINDOW_MS } from '../core/domain/attention.ts';
import type { AttentionItem } from '../shared/entities.ts';
import type { DomainEvent } from '../shared/events.ts';
import { exhaustive } from '../shared/exhaustive.ts';

/** At most one read of the list per this many ms while events keep coming. */
export const ATTENTION_INTERVAL_MS = 100;
/** Node's setTimeout limit; a longer wait would fire at once. */
const MAX_WAIT_MS = 2 ** 31 - 1;

/** Whether the attention list may differ after this event; the list itself is read from the core. */
export function mayChangeAttention(event: DomainEvent): boolean {
  switch (event.type) {
    case 'task_created':
    case 'task_updated':
    case 'task_deleted':
    case 'session_updated':
    case 'agent_completed':
    case 'attention_dismissed':
    case 'budget_exceeded':
    case 'webhook_health_changed':
      return true;
    case 'agent_deleted': {
      // Items name the agent: they change when the delete cleared it from a task or a session.
      const { cleared } = event.payload;
      return cleared.assigned_task_ids.length > 0 || cleared.session_ids.length > 0;
    }
    case 'activity_logged':
    case 'deliverable_added':
    case 'agent_spawned':
    case 'agent_created':
    case 'agent_updated':
    case 'device_revoked':
    case 'comment_added':
    case 'review_decided': // always comes with the task_updated that moves the task
    case 'usage_recorded': // a report that reaches the budget comes with budget_exceeded
      return false;
    default:
      exhaustive(event);
      return false;
  }
}

export type AttentionListener = (items: readonly AttentionItem[]) => void;

export interface AttentionWatch {
  /** The list as last read (oldest `since` first, as the core orders it). */
  items(): readonly AttentionItem[];
  /** Called after each read that changed the list; returns the unsubscribe. */
  subscribe(listener: AttentionListener): () => void;
  /** Reads the list now (tests; a pending read still runs and finds nothing new). */
  refresh(): void;
  dispose(): void;
}

export interface AttentionWatchOptions {
  intervalMs?: number;
}

/** When the oldest failed session in `items` drops off the list (it only shows for a day). */
function nextDropOff(items: readonly AttentionItem[]): number | null {
  const failed = items.filter((i) => i.kind === 'failed_session').map((i) => Date.parse(i.since));
  return failed.length ? Math.min(...failed) + FAILED_WINDOW_MS : null;
}

export function watchAttention(core: Core, options: AttentionWatchOptions = {}): AttentionWatch {
  const intervalMs = options.intervalMs ?? ATTENTION_INTERVAL_MS;
  const listeners = new Set<AttentionListener>();
  let items = core.attention.list();
  let signature = JSON.stringify(items);
  let lastRead = Date.now();
  let pending: ReturnType<typeof setTimeout> | null = null;
  let dropOff: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  // A failed session leaves the list by age alone, with no event: look again at that moment.
  const watchDropOff = () => {
    if (dropOff) clearTimeout(dropOff);
    dropOff = null;
    const at = nextDropOff(items);
    if (at === null) return;
    const wait = Math.min(Math.max(0, at - Date.parse(core.tx.now()) + 1), MAX_WAIT_MS);
    dropOff = setTimeout(schedule, wait);
  };

  const refresh = () => {
    if (disposed) return;
    lastRead = Date.now();
    const next = core.attention.list();
    const nextSignature = JSON.stringify(next);
    if (nextSignature === signature) return;
    items = next;
    signature = nextSignature;
    watchDropOff();
    for (const listener of listeners) listener(items);
  };

  function schedule(): void {
    if (pending || disposed) return;
    // Right after this turn when idle; under load, once per interval.
    const wait = Math.max(0, lastRead + intervalMs - Date.now());
    pending = setTimeout(() => {
      pending = null;
      refresh();
    }, wait);
  }

  watchDropOff();
  const unsubscribe = core.bus.subscribe((event) => {
    if (mayChangeAttention(event)) schedule();
  });

  return {
    items: () => items,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
    dispose() {
      disposed = true;
      unsubscribe();
      if (pending) clearTimeout(pending);
      if (dropOff) clearTimeout(dropOff);
      pending = dropOff = null;
      listeners.clear();
    },
  };
}
