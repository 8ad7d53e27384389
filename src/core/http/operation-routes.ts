// Every operation of the table as an HTTP route, registered in one loop: access checked, the one
// input assembled from path, query, body and headers, parsed with the table's schema, then run.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { Access, HttpBinding, OperationDef } from '../../shared/operation.ts';
import { pathFields } from '../../shared/operations/http-call.ts';
import { OPERATION_NAMES, OPERATIONS } from '../../shared/operations/index.ts';
import { HttpError } from '../errors.ts';
import type { Handlers, OperationContext } from '../operations.ts';
import type { RouteContext } from './context.ts';
import { parseIfMatch } from './guards.ts';

type Fields = Record<string, unknown>;
const isPlainObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A device token may read; writes need a read-write one; owner operations need the owner token. */
function checkAccess(req: FastifyRequest, access: Access, summary: string): void {
  const principal = req.principal;
  if (!principal) return;
  if (access === 'owner' && principal.deviceId !== null)
    throw new HttpError(403, 'owner_only', `Only the owner token can do this: ${summary}`);
  if (access !== 'read' && principal.scope === 'read')
    throw new HttpError(403, 'read_only', 'This device token is read-only');
}

/**
 * Reads the operation's one input from the parts of the request its binding names (worked out once
 * per route, not per request).
 */
function inputReader(binding: HttpBinding, shape: Fields | undefined): (req: FastifyRequest) => unknown {
  const inPath = [...pathFields(binding)];
  const inHeaders = Object.keys(binding.headers ?? {});
  const fixedOf = (req: FastifyRequest): Fields => {
    const fixed: Fields = {};
    const params = req.params as Record<string, string>;
    for (const [field, param] of inPath) fixed[field] = params[param];
    for (const field of inHeaders) fixed[field] = parseIfMatch(req);
    return fixed;
  };
  const bodyField = binding.body;
  if (binding.method === 'GET')
    return (req) => {
      // Queries ignore parameters the operation does not know (cache busters and the like).
      const known: Fields = {};
      if (isPlainObject(req.query))
        for (const [key, value] of Object.entries(req.query)) if (shape && key in shape) known[key] = value;
      return Object.assign(known, fixedOf(req));
    };
  if (bodyField !== undefined) return (req) => ({ ...fixedOf(req), [bodyField]: req.body ?? {} });
  if (binding.method === 'DELETE') return fixedOf; // DELETE carries no body
  if (inPath.length + inHeaders.length === 0) return (req) => req.body;
  // Elsewhere the body is the input's own fields, next to those from the path.
  return (req) =>
    req.body === undefined
      ? fixedOf(req)
      : isPlainObject(req.body)
        ? { ...req.body, ...fixedOf(req) }
        : req.body;
}

/** Aborted when the client closes the connection before its answer was sent. */
function leaving(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** Error paths as the client wrote them: `title`, not `changes.title`. */
function relativeTo(error: ZodError, bodyField: string | undefined): ZodError {
  if (bodyField === undefined) return error;
  return new ZodError(
    error.issues.map((issue) =>
      issue.path[0] === bodyField ? { ...issue, path: issue.path.slice(1) } : issue,
    ),
  );
}

export function operationRoutes(
  app: FastifyInstance,
  { core, write }: RouteContext,
  handlers: Handlers,
): void {
  for (const name of OPERATION_NAMES) {
    const op: OperationDef = OPERATIONS[name];
    const binding = op.http;
    const shape = 'shape' in op.input ? (op.input.shape as Fields) : undefined;
    const inputOf = inputReader(binding, shape);
    const handle = handlers[name] as (input: unknown, context: OperationContext) => unknown;
    const respond = (reply: FastifyReply, result: unknown) => {
      if (binding.etag) reply.header('etag', `"${(result as { version: number }).version}"`);
      return result;
    };
    const send = (reply: FastifyReply, result: unknown) =>
      result === null && binding.nullStatus
        ? reply.code(binding.nullStatus).send()
        : reply.code(binding.status).send(respond(reply, result));
    app.route({
      method: binding.method,
      url: binding.path,
      handler: async (req, reply) => {
        checkAccess(req, op.access, op.docs.summary);
        let input: unknown;
        try {
          input = op.input.parse(inputOf(req) ?? {});
        } catch (error) {
          throw error instanceof ZodError ? relativeTo(error, binding.body) : error;
        }
        // A long-poll's first try joins this turn's group commit like any write; a wait answers later.
        if (binding.longPoll)
          return send(reply, await core.tx.grouped(() => handle(input, { signal: leaving(reply) })));
        // Board writes: group commit, Idempotency-Key; the rest answers what the handler gives.
        if (op.access === 'write')
          return write(req, reply, binding.status, () => respond(reply, handle(input, {})));
        return send(reply, await handle(input, {}));
      },
    });
  }
}
