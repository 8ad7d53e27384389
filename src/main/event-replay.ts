// Stored events after an id for the IPC bridge, with the same `reset` rule as the SSE stream.

import type { EventLog } from '../core/events/log.ts';
import type { StreamEvent } from '../shared/events.ts';
import { EVENTS_PAGE } from '../shared/ipc.ts';

/**
 * Events after `lastEventId`, oldest first, at most `page`. When the log cannot continue from
 * there (an id newer than any handed out, or older than the retained log) the answer is a single
 * `reset` carrying the newest id: the renderer refetches its snapshot (see src/core/http/sse.ts).
 */
export function eventsAfter(log: EventLog, lastEventId: number, page = EVENTS_PAGE): StreamEvent[] {
  const { oldest, latest } = log.bounds();
  if (lastEventId > latest || lastEventId + 1 < oldest) {
    const reason = lastEventId > latest ? 'unknown event id' : 'event id older than the retained log';
    return [{ id: latest, type: 'reset', payload: { last_event_id: latest, reason } }];
  }
  return log.after(lastEventId, page);
}
