// Keeps the store's attention list current. The server computes it from current state, so the board
// refetches it when an event that can change it arrives: coalesced to one request per window, and never
// two at once (an event during a request earns one more request after it).
import type { EventType, StreamEvent } from '../../shared/events.ts';
import type { Backend } from '../backend/backend.ts';
import type { BoardStore } from '../store/store.ts';

/** Events after which the list may differ: tasks entering or leaving review or expiring, sessions going silent or failing, dismissals. */
const CHANGES_ATTENTION: ReadonlySet<EventType | 'reset'> = new Set<EventType | 'reset'>([
  'task_created',
  'task_updated',
  'task_deleted',
  'session_updated',
  'agent_completed',
  'attention_dismissed',
  'budget_exceeded',
  'webhook_health_changed',
]);

export const ATTENTION_COALESCE_MS = 150;

export interface AttentionFeed {
  /** Loads now (after a snapshot). */
  refresh(): Promise<void>;
  /** Schedules a refetch when one of these events can change the list. */
  onEvents(events: readonly StreamEvent[]): void;
  /** Drops an item at once (dismissed, decided); the next refetch confirms it. */
  drop(key: string): void;
  stop(): void;
}

export function createAttentionFeed(
  backend: Backend,
  store: BoardStore,
  windowMs = ATTENTION_COALESCE_MS,
): AttentionFeed {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  let again = false;
  let stopped = false;

  const load = async () => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    try {
      const { items } = await backend.invoke('attention.list', {});
      if (!stopped) store.setState({ attention: { items, loaded: true } });
    } catch {
      // Offline or refused: keep the last list; the next snapshot or event tries again.
    } finally {
      inFlight = false;
      if (again && !stopped) {
        again = false;
        schedule();
      }
    }
  };

  const schedule = () => {
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    timer ??= setTimeout(() => {
      timer = undefined;
      void load();
    }, windowMs);
  };

  return {
    refresh: () => {
      stopped = false;
      return load();
    },
    onEvents(events) {
      if (events.some((e) => CHANGES_ATTENTION.has(e.type))) schedule();
    },
    drop(key) {
      store.setState((s) => ({
        attention: { ...s.attention, items: s.attention.items.filter((i) => i.key !== key) },
      }));
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
