// The live stream (the snapshot a client loads first is the `snapshot` operation), or one agent's share of it.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_HEADERS } from '../../../shared/api.ts';
import type { DomainEvent } from '../../../shared/events.ts';
import { Id } from '../../../shared/inputs.ts';
import { isRelevantTo } from '../../../shared/relevance.ts';
import type { Agents } from '../../domain/agents.ts';
import { HttpError } from '../../errors.ts';
import { parse } from '../context.ts';
import type { SseHub } from '../sse.ts';

const EventId = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const StreamQuery = z.object({ lastEventId: EventId.optional(), agent_id: Id.optional() });

export function eventRoutes(app: FastifyInstance, hub: SseHub, agents: Pick<Agents, 'get'>): void {
  // No HEAD twin: the hijacked stream would send no headers to a HEAD and hang it open forever.
  app.get('/api/events/stream', { exposeHeadRoute: false }, async (req, reply) => {
    const header = req.headers[API_HEADERS.lastEventId];
    const fromHeader = typeof header === 'string' && header !== '' ? parse(EventId, header) : undefined;
    const query = parse(StreamQuery, req.query);
    const lastEventId = fromHeader ?? query.lastEventId ?? null;
    // `?agent_id=`: only what concerns that agent (its inbox's rule), with the global event ids.
    const agentId = query.agent_id;
    if (agentId !== undefined) agents.get(agentId);
    if (!hub.admits(req.socket.remoteAddress)) {
      throw new HttpError(429, 'too_many_streams', 'Too many open event streams from this address');
    }
    reply.hijack();
    const filter = agentId === undefined ? null : (event: DomainEvent) => isRelevantTo(event, agentId);
    hub.attach(reply.raw, lastEventId, req.principal?.deviceId ?? null, filter);
  });
}
