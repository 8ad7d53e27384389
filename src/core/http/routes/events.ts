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
import type { SseHub, StreamLimit } from '../sse.ts';

const EventId = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const StreamQuery = z.object({ lastEventId: EventId.optional(), agent_id: Id.optional() });

const RAISE = 'raise it with serve --max-streams N (or MISSION_CONTROL_MAX_STREAMS)';

/** The 429 message: which limit was hit, and what to do about it. */
export function tooManyStreams({ scope, max }: StreamLimit): string {
  if (scope === 'owner')
    return `The owner token already holds ${max} open event streams, its limit; close some, or ${RAISE}`;
  if (scope === 'device')
    return `This device token already holds ${max} open event streams, the limit per device token; close some, or give the other clients device tokens of their own`;
  return `The server already holds ${max} open event streams, its limit in all; close some, or ${RAISE}, which lifts the total to N when N is larger`;
}

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
    // Counted per credential: the owner token (deviceId null), or one device token.
    const tag = req.principal?.deviceId ?? null;
    const limit = hub.limitFor(tag);
    if (limit) throw new HttpError(429, 'too_many_streams', tooManyStreams(limit));
    reply.hijack();
    const filter = agentId === undefined ? null : (event: DomainEvent) => isRelevantTo(event, agentId);
    hub.attach(reply.raw, lastEventId, tag, filter);
  });
}
