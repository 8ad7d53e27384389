// The one error module: every transport (HTTP, IPC, MCP) turns a failure into the same
// `{ code, message, details }` body and the same status through `toAnswer`.

import { ZodError } from 'zod';
import type { ApiErrorBody } from '../shared/api.ts';
import { describeIssues, issuesOf } from '../shared/errors.ts';
import { DomainError, type DomainErrorCode } from './domain/errors.ts';

/** The status of each domain outcome. */
const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  not_found: 404,
  conflict: 409,
  invalid: 400,
  unprocessable: 422,
  server_unavailable: 503,
  lease_lost: 409,
  dependency_cycle: 409,
  session_ended: 409,
  not_in_review: 409,
  over_budget: 409,
  bad_query: 400,
  too_large: 413,
};

/** Raised by guards and transports for answers that are not domain outcomes (401, 403, 429 …). */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const errorBody = (code: string, message: string, details?: unknown): ApiErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** A known failure as status + body, or null for anything else (a bug: the caller answers 500). */
export function knownAnswer(error: unknown): { status: number; body: ApiErrorBody } | null {
  if (error instanceof HttpError) {
    return { status: error.status, body: errorBody(error.code, error.message, error.details) };
  }
  if (error instanceof DomainError) {
    return { status: DOMAIN_STATUS[error.code], body: errorBody(error.code, error.message, error.details) };
  }
  if (error instanceof ZodError) {
    const details = issuesOf(error);
    return {
      status: 400,
      body: errorBody('validation_failed', `Invalid input: ${describeIssues(details)}`, details),
    };
  }
  return null;
}

export const INTERNAL = {
  status: 500,
  body: errorBody('internal', 'Internal error; the server log has the details'),
} as const;

export const toAnswer = (error: unknown): { status: number; body: ApiErrorBody } =>
  knownAnswer(error) ?? INTERNAL;
