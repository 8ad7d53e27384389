// The agent inbox: the events that concern an agent (shared/relevance.ts) after a cursor, at once or
// by long-poll. The same rule filters the stream (`?agent_id=`) and, later, webhooks.
import type { DomainEvent, StreamEvent } from '../../shared/events.ts';
import { isRelevantTo } from '../../shared/relevance.ts';
import type { EventLog } from '../events/log.ts';
import type { Agents } from './agents.ts';

export const INBOX_LIMIT = 500;
const SCAN_PAGE = 1000;

export interface InboxAnswer {
  events: StreamEvent[];
  /** The last event returned, or the current last event id when none was: the next `after`. */
  last_event_id: number;
}

const reset = (id: number, reason: string): StreamEvent => ({
  id,
  type: 'reset',
  payload: { last_event_id: id, reason },
});

interface Waiter {
  agentId: string;
  wake(): void;
}

export function createInbox(log: EventLog, agents: Agents) {
  const waiters = new Set<Waiter>();

  function read(agentId: string, after: number | undefined): InboxAnswer {
    const { oldest, latest } = log.bounds();
    // A cursor this log never handed out (an older backup restored): start over from now, as the
    // stream does; answering "nothing" would let the agent skip the events that woke it.
    if (after !== undefined && after > latest)
      return { events: [reset(latest, 'unknown event id')], last_event_id: latest };
    if (after === undefined || after === latest) return { events: [], last_event_id: latest };
    const events: StreamEvent[] = [];
    // The log no longer holds what came after `after`: say so, as the stream does, then go on.
    if (after + 1 < oldest) events.push(reset(oldest - 1, 'event id older than the retained log'));
    let cursor = Math.max(after, oldest - 1);
    while (events.length < INBOX_LIMIT && cursor < latest) {
      const page = log.after(cursor, SCAN_PAGE);
      if (page.length === 0) break;
      for (const event of page) {
        cursor = event.id;
        if (isRelevantTo(event, agentId)) events.push(event);
        if (events.length >= INBOX_LIMIT) break;
      }
    }
    const last = events.at(-1);
    return { events, last_event_id: last && last.type !== 'reset' ? last.id : latest };
  }

  return {
    /**
     * The agent's events after `after`; with `waitS`, waits until there is at least one (or the time
     * is up). Without `after`: no events and the current cursor to start from. 404 unknown agent.
     */
    read(
      agentId: string,
      after: number | undefined,
      waitS = 0,
      signal?: AbortSignal,
    ): InboxAnswer | Promise<InboxAnswer> {
      agents.get(agentId);
      const now = read(agentId, after);
      if (now.events.length > 0 || after === undefined || waitS <= 0 || signal?.aborted) return now;
      return new Promise<InboxAnswer>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          waiters.delete(waiter);
          resolve(read(agentId, after));
        };
        const waiter: Waiter = { agentId, wake: done };
        const timer = setTimeout(done, waitS * 1000);
        signal?.addEventListener('abort', done, { once: true });
        waiters.add(waiter);
      });
    },
    /** How many inbox reads are waiting right now. */
    waiting: (): number => waiters.size,
    /** After each committed event: wakes the agents it concerns. */
    notice(event: DomainEvent): void {
      if (waiters.size === 0) return;
      for (const waiter of waiters) if (isRelevantTo(event, waiter.agentId)) waiter.wake();
    },
    close(): void {
      for (const waiter of waiters) waiter.wake();
    },
  };
}

export type Inbox = ReturnType<typeof createInbox>;
