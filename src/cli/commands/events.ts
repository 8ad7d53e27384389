// `events`: tails the SSE stream, reconnecting with Last-Event-ID so no event is missed or repeated.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiErrorBody } from '../../shared/api.ts';
import type { StreamEvent } from '../../shared/events.ts';
import { integer, str } from '../args.ts';
import { ApiError, describeFetchError } from '../client.ts';
import type { CliCommand } from '../command.ts';
import { eventLine } from '../format.ts';

const MAX_BACKOFF_MS = 10_000;

/** Reads frames from one connection; calls `onEvent` per data frame; answers the server's retry hint. */
async function readStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (id: number | null, event: StreamEvent) => boolean,
) {
  const decoder = new TextDecoder();
  let buffer = '';
  let retryMs: number | undefined;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, '\n');
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let id: number | null = null;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('id:')) id = Number(line.slice(3).trim());
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        else if (line.startsWith('retry:')) retryMs = Number(line.slice(6).trim());
      }
      if (!data.length) continue;
      // The stream carries the id on its `id:` line; scripts get it inside each event to resume from.
      const event = { id, ...JSON.parse(data.join('\n')) } as StreamEvent;
      if (!onEvent(id, event)) return { done: true, retryMs };
    }
  }
  return { done: false, retryMs };
}

export const eventsCommand: CliCommand = {
  words: ['events'],
  usage: 'events [--from EVENT_ID] [--count N] [--agent AGENT_ID]',
  summary:
    'Tail the live event stream (--json: one event per line); reconnects and resumes from the last id. ' +
    '--agent: only what concerns that agent (its inbox)',
  options: { from: { type: 'string' }, count: { type: 'string' }, agent: { type: 'string' } },
  async run({ values, out, client }) {
    const api = client();
    const agent = str(values.agent);
    const stream = `${api.target.url}/api/events/stream${agent ? `?agent_id=${encodeURIComponent(agent)}` : ''}`;
    let lastId: number | null = integer(values.from, 'from') ?? null;
    const count = integer(values.count, 'count');
    let seen = 0;
    let connectedOnce = false;
    let backoff = 500;
    if (count === 0) return 0;
    // Without --from, start at the board's current last id rather than "live": a reconnect before
    // the first event then still resumes from a known id, so nothing written meanwhile is missed.
    lastId ??= (await api.call('snapshot', {})).last_event_id;
    for (;;) {
      const headers = api.headers(lastId === null ? {} : { 'last-event-id': String(lastId) });
      let res: Response;
      try {
        res = await fetch(stream, { headers });
      } catch (error) {
        if (!connectedOnce) throw describeFetchError(error, api.target.url);
        out.note(`connection lost; retrying in ${backoff} ms`);
        await sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        continue;
      }
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
        throw new ApiError(res.status, body, `HTTP ${res.status}`);
      }
      if (!connectedOnce) out.note(`following ${stream}${lastId === null ? '' : ` after #${lastId}`}`);
      connectedOnce = true;
      backoff = 500;
      const { done, retryMs } = await readStream(res.body, (id, event) => {
        // A reset names where the log stands now: resume from there, after refetching if you keep state.
        lastId = event.type === 'reset' ? event.payload.last_event_id : (id ?? lastId);
        out.result(event, eventLine);
        seen += 1;
        return count === undefined || seen < count;
      }).catch(() => ({ done: false, retryMs: undefined }));
      if (done) {
        await res.body.cancel().catch(() => {});
        return 0;
      }
      out.note(`stream ended; resuming after #${lastId ?? 'now'}`);
      await sleep(retryMs ?? backoff);
    }
  },
};
