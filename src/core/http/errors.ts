// Fastify's error handlers: our errors (../errors.ts) and Fastify's or Node's own 4xx as JSON errors.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '../../shared/api.ts';
import { errorBody, HttpError, INTERNAL, knownAnswer } from '../errors.ts';

/** Errors of ours (domain, validation, guards) and Fastify's own 4xx, as status + JSON body. */
function toHttpAnswer(error: unknown): { status: number; body: ApiErrorBody } {
  const known = knownAnswer(error);
  if (known) return known;
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    const code = 'bad_request';
    if (status === 415) {
      return {
        status,
        body: errorBody('unsupported_media_type', 'Send JSON with Content-Type: application/json'),
      };
    }
    if (status === 413)
      return { status, body: errorBody('payload_too_large', fastifyError.message ?? 'Body too large') };
    return { status, body: errorBody(code, fastifyError.message ?? 'Bad request') };
  }
  return INTERNAL;
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toHttpAnswer(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  if (error instanceof HttpError && error.status === 429 && error.details) {
    reply.header('retry-after', String((error.details as { retry_after_s: number }).retry_after_s));
  }
  void reply.code(status).send(body);
}

/** Requests Node's HTTP parser refuses (oversized headers, garbage) get the same JSON error shape. */
export function handleClientError(
  error: Error & { code?: string; rawPacket?: unknown },
  socket: Socket,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'Request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'The request took too long to arrive']
        : [400, 'bad_request', 'Malformed HTTP request'];
  const body = JSON.stringify(errorBody(code, message));
  // A HEAD answer has no body: a client would read one as the start of the next response.
  const packet = error.rawPacket;
  const isHead = Buffer.isBuffer(packet) && packet.subarray(0, 5).toString('latin1') === 'HEAD ';
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${isHead ? '' : body}`,
  );
}
