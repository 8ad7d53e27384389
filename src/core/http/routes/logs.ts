// A session's live log: SSE with `id: <seq>`, replaying after Last-Event-ID (without it the last
// `?tail=` lines), then every line as it is committed. Counted in the event streams' limits.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_HEADERS } from '../../../shared/api.ts';
import { Id } from '../../../shared/inputs.ts';
import { LOG_LIMITS, LOG_STREAM_ENDED, type LogLine } from '../../../shared/logs.ts';
import type { Core } from '../../core.ts';
import { HttpError } from '../../errors.ts';
import { parse } from '../context.ts';
import type { SseHub } from '../sse.ts';
import { tooManyStreams } from './events.ts';

export const LOG_STREAM_PATH = '/api/openclaw/sessions/:id/logs/stream';

const Seq = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Query = z.object({
  lastEventId: Seq.optional(),
  tail: z.coerce.number().int().min(0).max(LOG_LIMITS.sessionLines).default(LOG_LIMITS.defaultTail),
});
const REPLAY_PAGE = 500;

const frame = (line: LogLine) => `id: ${line.seq}\ndata: ${JSON.stringify(line)}\n\n`;

export interface LogStreamOptions {
  retryMs: number;
  /** A client whose unsent bytes pass this is dropped; it comes back with Last-Event-ID. */
  maxBufferBytes: number;
}

export function logStreamRoutes(
  app: FastifyInstance,
  hub: SseHub,
  core: Pick<Core, 'logs' | 'bus'>,
  options: LogStreamOptions,
): void {
  app.get(LOG_STREAM_PATH, { exposeHeadRoute: false }, async (req, reply) => {
    const header = req.headers[API_HEADERS.lastEventId];
    const fromHeader = typeof header === 'string' && header !== '' ? parse(Seq, header) : undefined;
    const query = parse(Query, req.query);
    const session = core.logs.session(parse(Id, (req.params as { id: string }).id));
    const tag = req.principal?.deviceId ?? null;
    const limit = hub.limitFor(tag);
    if (limit) throw new HttpError(429, 'too_many_streams', tooManyStreams(limit));
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.socket?.setNoDelay(true);
    res.write(`retry: ${options.retryMs}\n\n`);
    hub.adopt(res, tag);
    const newest = core.logs.lastSeq(session.id);
    // A seq beyond the newest (a log that is not the one the client read) resumes from the newest.
    const resume = fromHeader ?? query.lastEventId;
    const after = resume === undefined ? Math.max(0, newest - query.tail) : Math.min(resume, newest);
    follow(res, core, session, after, options);
  });
}

/**
 * Lossless from replay to live: listen first, then read; lines heard while reading wait, and every
 * line goes out once, in seq order (nothing at or below the last one sent).
 */
function follow(
  res: ServerResponse,
  core: Pick<Core, 'logs' | 'bus'>,
  session: { id: string; ended_at: string | null },
  after: number,
  options: LogStreamOptions,
): void {
  let lastSent = after;
  let live = false;
  let waiting: LogLine[] = [];
  const send = (lines: readonly LogLine[]) => {
    let text = '';
    for (const line of lines) {
      if (line.seq <= lastSent) continue;
      text += frame(line);
      lastSent = line.seq;
    }
    if (text) res.write(text);
  };
  const ended = () =>
    res.write(
      `event: ${LOG_STREAM_ENDED}\ndata: ${JSON.stringify({ session_id: session.id, last_seq: lastSent })}\n\n`,
    );
  const stopLines = core.logs.subscribe(session.id, (lines) => {
    if (!live) {
      waiting.push(...lines);
      return;
    }
    if (res.writableLength > options.maxBufferBytes) {
      res.destroy();
      return;
    }
    send(lines);
  });
  let endedSeen = session.ended_at !== null;
  const stopEvents = core.bus.subscribe((event) => {
    if (event.type !== 'agent_completed' || event.payload.id !== session.id || endedSeen) return;
    endedSeen = true;
    if (live) ended();
  });
  res.on('close', () => {
    stopLines();
    stopEvents();
  });

  const replay = () => {
    while (!res.destroyed) {
      const { lines } = core.logs.list(session.id, lastSent, REPLAY_PAGE);
      // Retention may have dropped the lines asked for: start from the oldest kept.
      send(lines);
      if (lines.length < REPLAY_PAGE) {
        const heard = waiting;
        waiting = [];
        send(heard);
        live = true;
        if (endedSeen) ended();
        return;
      }
      if (res.writableLength > options.maxBufferBytes) {
        res.once('drain', replay);
        return;
      }
    }
  };
  replay();
}
