// The live stream (the snapshot a client loads first is the `snapshot` operation).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_HEADERS } from '../../../shared/api.ts';
import { HttpError } from '../../errors.ts';
import { parse } from '../context.ts';
import type { SseHub } from '../sse.ts';

const EventId = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const StreamQuery = z.object({ lastEventId: EventId.optional() });

export function eventRoutes(app: FastifyInstance, hub: SseHub): void {
  // No HEAD twin: the hijacked stream would send no headers to a HEAD and hang it open forever.
  app.get('/api/events/stream', { exposeHeadRoute: false }, async (req, reply) => {
    const header = req.headers[API_HEADERS.lastEventId];
    const fromHeader = typeof header === 'string' && header !== '' ? parse(EventId, header) : undefined;
    const lastEventId = fromHeader ?? parse(StreamQuery, req.query).lastEventId ?? null;
    if (!hub.admits(req.socket.remoteAddress)) {
      throw new HttpError(429, 'too_many_streams', 'Too many open event streams from this address');
    }
    reply.hijack();
    hub.attach(reply.raw, lastEventId, req.principal?.deviceId ?? null);
  });
}
