// What every route module gets: the core, input parsing, and the idempotent write wrapper.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { API_HEADERS } from '../../shared/api.ts';
import type { Core } from '../core.ts';
import { HttpError } from '../errors.ts';

export interface RouteContext {
  core: Core;
  /** Answers `status` with what `fn` returns; with an Idempotency-Key, at most once per key. */
  write(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    fn: () => unknown,
  ): FastifyReply | Promise<FastifyReply>;
}

/** Validates with the shared schema; a ZodError becomes a 400 in the error handler. */
export const parse = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> =>
  schema.parse(value ?? {});

export function createRouteContext(core: Core): RouteContext {
  return {
    core,
    write(request, reply, status, fn) {
      const key = request.headers[API_HEADERS.idempotencyKey];
      // Group commit: concurrent requests share one transaction; each is answered after it commits.
      if (key === undefined) return core.tx.grouped(fn).then((body) => reply.code(status).send(body));
      if (typeof key !== 'string' || key.length === 0 || key.length > 200) {
        throw new HttpError(400, 'bad_idempotency_key', 'Idempotency-Key must be 1 to 200 characters');
      }
      const request_ = `${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`;
      const answer = core.idempotency.run(key, request_, () => ({ status, body: fn() }));
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(answer.status).send(answer.body);
    },
  };
}
