// Following a session's log: the backend's own stream when it has one (the browser's SSE), else
// reading `logs.list` after the last line seen, again and again (the desktop, over IPC).
import type { LogLine } from '../../shared/logs.ts';
import { type Backend, BackendError, type LogFollowHandlers } from '../backend/backend.ts';

export const LOG_POLL_MS = 500;
/** The most a page of `logs.list` holds. */
const PAGE = 1_000;

export function followSessionLog(
  backend: Backend,
  sessionId: string,
  tail: number,
  handlers: LogFollowHandlers,
  { after: start, pollMs = LOG_POLL_MS }: { after?: number | undefined; pollMs?: number } = {},
): () => void {
  if (backend.followLog) return backend.followLog(sessionId, tail, handlers, start);
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let after: number | null = start ?? null;
  let live = false;
  const deliver = (lines: LogLine[]) => {
    const fresh = after === null ? lines : lines.filter((l) => l.seq > (after as number));
    if (fresh.length) handlers.onLines(fresh);
    after = fresh.at(-1)?.seq ?? after;
  };
  const poll = async () => {
    try {
      if (after === null) {
        const { last_seq } = await backend.invoke('logs.list', { id: sessionId, limit: 1 });
        after = Math.max(0, last_seq - tail);
      }
      if (!live) {
        live = true;
        handlers.onState?.('live');
      }
      for (;;) {
        const page = await backend.invoke('logs.list', { id: sessionId, after_seq: after, limit: PAGE });
        if (closed) return;
        deliver(page.lines);
        if (page.lines.length < PAGE) break;
      }
    } catch (error) {
      if (closed) return;
      if (error instanceof BackendError && error.status >= 400 && error.status < 500) {
        handlers.onError?.(error);
        return;
      }
      handlers.onState?.('reconnecting');
    }
    if (!closed) timer = setTimeout(poll, pollMs);
  };
  handlers.onState?.('connecting');
  void poll();
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
  };
}
