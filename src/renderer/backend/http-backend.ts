// The browser Backend: operations over fetch (cookie auth, the table's HTTP binding) and events over EventSource.
import type { ApiErrorBody } from '../../shared/api.ts';
import type { StreamEvent } from '../../shared/events.ts';
import { LOG_STREAM_ENDED } from '../../shared/log-stream.ts';
import type { LogLine } from '../../shared/logs.ts';
import { type Backend, BackendError } from './backend.ts';
import { backoffDelay } from './backoff.ts';

export interface HttpBackendOptions {
  /** Origin of the API; '' means the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
  /** After this many failed connects in a row the state turns from reconnecting to offline. */
  offlineAfter?: number;
}

export async function httpRequest(doFetch: typeof fetch, url: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await doFetch(url, { credentials: 'same-origin', ...init });
  } catch (error) {
    throw new BackendError('network', `The server cannot be reached (${(error as Error).message})`);
  }
  const text = await response.text();
  const body: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const err = (body as ApiErrorBody | undefined)?.error;
    throw new BackendError(
      err?.code ?? `http_${response.status}`,
      err?.message ?? `The server answered ${response.status}`,
      response.status,
      err?.details,
    );
  }
  return body;
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export function createHttpBackend(options: HttpBackendOptions = {}): Backend {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const ES = options.EventSource ?? globalThis.EventSource;
  const offlineAfter = options.offlineAfter ?? 4;
  // Fetched at once, beside the session check, so it is there by the first command (the snapshot).
  // A failed fetch (the server was down) is tried again by the next command.
  let table: Promise<typeof import('./http-operations.ts')> | undefined;
  const loadTable = () =>
    (table ??= import('./http-operations.ts').catch((error: unknown) => {
      table = undefined;
      throw new BackendError('network', `The server cannot be reached (${(error as Error).message})`);
    }));
  void loadTable().catch(() => {});

  return {
    async invoke(command, input) {
      const { OPERATIONS, describeIssues, httpCallOf, issuesOf } = await loadTable();
      // Parse with the shared schema so defaults and refusals match the server's before the round trip.
      const parsed = OPERATIONS[command].input.safeParse(input);
      if (!parsed.success) {
        const details = issuesOf(parsed.error);
        throw new BackendError(
          'validation_failed',
          `Invalid input: ${describeIssues(details)}`,
          400,
          details,
        );
      }
      const call = httpCallOf(command, parsed.data as never);
      const headers: Record<string, string> = { ...call.headers };
      if (call.body !== undefined) headers['content-type'] = 'application/json';
      const body = await httpRequest(doFetch, base + call.path, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      });
      return body as never;
    },

    session: () => httpRequest(doFetch, `${base}/api/auth/session`, { method: 'GET' }) as Promise<never>,

    followLog(sessionId, tail, handlers, after) {
      const path = `${base}/api/openclaw/sessions/${encodeURIComponent(sessionId)}/logs/stream`;
      // Given `after`, the first connect already resumes from there (the stream replays what follows).
      let last: number | null = after ?? null;
      let source: EventSource | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let failures = 0;
      let closed = false;
      const connect = () => {
        if (closed) return;
        handlers.onState?.(failures === 0 ? 'connecting' : 'reconnecting');
        // Our own reconnects, resuming after the last line shown (the query stands in for Last-Event-ID).
        const es = new ES(`${path}?${last === null ? `tail=${tail}` : `lastEventId=${last}`}`, {
          withCredentials: true,
        });
        source = es;
        es.onopen = () => {
          failures = 0;
          handlers.onState?.('live');
        };
        es.onmessage = (message) => {
          const line = safeJson(message.data) as LogLine | undefined;
          if (!line || (last !== null && line.seq <= last)) return;
          last = line.seq;
          handlers.onLines([line]);
        };
        es.addEventListener(LOG_STREAM_ENDED, () => handlers.onEnded?.());
        es.onerror = () => {
          es.close();
          if (closed || source !== es) return;
          failures += 1;
          // EventSource hides the status: ask the log itself whether it exists before trying again.
          void httpRequest(doFetch, `${path.slice(0, -'/stream'.length)}?limit=1`, { method: 'GET' }).then(
            () => {
              if (!closed) timer = setTimeout(connect, backoffDelay(failures));
            },
            (error: unknown) => {
              if (closed) return;
              if (
                error instanceof BackendError &&
                error.status >= 400 &&
                error.status < 500 &&
                error.status !== 429
              )
                handlers.onError?.(error);
              else timer = setTimeout(connect, backoffDelay(failures));
            },
          );
          handlers.onState?.(failures >= offlineAfter ? 'offline' : 'reconnecting');
        };
      };
      connect();
      return () => {
        closed = true;
        if (timer) clearTimeout(timer);
        source?.close();
      };
    },

    subscribe(lastEventId, onEvent, onState) {
      let last = lastEventId;
      let source: EventSource | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let failures = 0;
      let closed = false;

      const connect = () => {
        if (closed) return;
        onState(failures === 0 ? 'connecting' : failures >= offlineAfter ? 'offline' : 'reconnecting');
        // Our own reconnect (not EventSource's) so the delay has backoff + jitter and we resume from
        // the last id *applied*, which the browser's own Last-Event-ID cannot know.
        const es = new ES(`${base}/api/events/stream?lastEventId=${last}`, { withCredentials: true });
        source = es;
        es.onopen = () => {
          failures = 0;
          onState('live');
        };
        es.onmessage = (message) => {
          const event = safeJson(message.data) as Omit<StreamEvent, 'id'> | undefined;
          const id = Number(message.lastEventId);
          if (!event || !Number.isFinite(id)) return;
          if (event.type !== 'reset') last = Math.max(last, id);
          onEvent({ ...event, id } as StreamEvent);
        };
        es.onerror = () => {
          es.close();
          if (closed || source !== es) return;
          failures += 1;
          onState(failures >= offlineAfter ? 'offline' : 'reconnecting');
          timer = setTimeout(connect, backoffDelay(failures));
        };
      };
      connect();
      return () => {
        closed = true;
        if (timer) clearTimeout(timer);
        source?.close();
      };
    },
  } satisfies Backend;
}
