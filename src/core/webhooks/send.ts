// One delivery attempt over HTTP: a POST that follows no redirect, gives up after the timeout, and
// reads at most 64 KB of the answer (then drops it): only the status matters.
import { type Dispatcher, request } from 'undici';
import type { StoredEventRow } from '../events/log.ts';

export const ANSWER_LIMIT = 64 * 1024;

/** `{ id, type, timestamp, data }`, with the payload as the log stores it (no parse, no re-encode). */
export const eventBody = (row: StoredEventRow): string =>
  `{"id":${row.id},"type":${JSON.stringify(row.type)},"timestamp":${JSON.stringify(row.created_at)},"data":${row.payload}}`;

/** The log no longer holds what comes after the cursor: say so once, then go on after `to`. */
export const resetBody = (to: number, reason: string, at: string): string =>
  JSON.stringify({ id: `reset_${to}`, type: 'reset', timestamp: at, data: { last_event_id: to, reason } });

export interface Attempt {
  status_code: number | null;
  /** null when the receiver accepted it (2xx). */
  error: string | null;
  duration_ms: number;
}

function reason(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `timed out after ${timeoutMs / 1000} s`;
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  const code = e?.cause?.code ?? e?.code;
  return code ? `connection failed (${code})` : `request failed: ${e?.message ?? String(error)}`;
}

export async function post(options: {
  dispatcher: Dispatcher;
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Aborted when the engine closes or the webhook changes under it. */
  signal: AbortSignal;
}): Promise<Attempt> {
  const started = performance.now();
  const timeout = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    timeout.abort();
  }, options.timeoutMs);
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const answer = await request(options.url, {
      method: 'POST',
      headers: options.headers,
      body: options.body,
      dispatcher: options.dispatcher,
      signal: AbortSignal.any([options.signal, timeout.signal]),
    });
    // Read up to 64 KB and drop it (a longer answer closes the connection); the status decided already.
    await answer.body.dump({ limit: ANSWER_LIMIT }).catch(() => {});
    const status = answer.statusCode;
    const error =
      status >= 200 && status < 300
        ? null
        : status >= 300 && status < 400
          ? `redirect (${status}) not followed`
          : `HTTP ${status}`;
    return { status_code: status, error, duration_ms: elapsed() };
  } catch (error) {
    return { status_code: null, error: reason(error, timedOut, options.timeoutMs), duration_ms: elapsed() };
  } finally {
    clearTimeout(timer);
  }
}
