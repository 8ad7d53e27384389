// The CLI's HTTP client: operations of the table by name, validated first, sent as their binding says.
import { ZodError } from 'zod';
import type { ApiErrorBody } from '../shared/api.ts';
import { describeIssues, issuesOf } from '../shared/errors.ts';
import type { HttpBinding } from '../shared/operation.ts';
import { httpCallOf } from '../shared/operations/http-call.ts';
import {
  OPERATIONS,
  type OperationInput,
  type OperationName,
  type OperationOutput,
  parseInput,
} from '../shared/operations/index.ts';
import { type Target, UsageError } from './args.ts';

/** The server answered with an error (4xx/5xx): exit 1. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody | null;
  constructor(status: number, body: ApiErrorBody | null, fallback: string) {
    super(body?.error?.message ?? fallback);
    this.status = status;
    this.body = body;
  }
}

/** No answer at all (refused, unreachable, timed out): exit 3. */
export class ConnectionError extends Error {}

const REQUEST_TIMEOUT_MS = 30_000;

export interface CallOptions {
  /** Aborting it cancels the request (a long-poll claim made meanwhile is handed back by the server). */
  signal?: AbortSignal;
}

export function describeFetchError(error: unknown, url: string): ConnectionError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason =
    (error as Error).name === 'TimeoutError' ? 'timed out' : (cause?.code ?? cause?.message ?? String(error));
  return new ConnectionError(
    `cannot reach Mission Control at ${url} (${reason}); is it running? (mission-control serve)`,
  );
}

/** Turns a schema failure into the same `field: message` list the API answers, as a usage error. */
function usageFromZod(error: ZodError): UsageError {
  return new UsageError(`invalid input: ${describeIssues(issuesOf(error))}`);
}

export class ApiClient {
  readonly target: Target;
  constructor(target: Target) {
    this.target = target;
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...(this.target.token ? { authorization: `Bearer ${this.target.token}` } : {}), ...extra };
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    { signal, timeoutMs = REQUEST_TIMEOUT_MS }: CallOptions & { timeoutMs?: number } = {},
  ): Promise<unknown> {
    const timeout = AbortSignal.timeout(timeoutMs);
    let res: Response;
    try {
      res = await fetch(`${this.target.url}${path}`, {
        method,
        headers: this.headers({
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        }),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      throw describeFetchError(error, this.target.url);
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (!res.ok) {
      const hint = res.status === 401 && !this.target.token ? ' (no token: pass --token or --data-dir)' : '';
      throw new ApiError(res.status, parsed as ApiErrorBody | null, `HTTP ${res.status}${hint}`);
    }
    return parsed;
  }

  /** Validates with the operation's schema (a failure is a usage error, nothing is sent), then sends it. */
  async call<N extends OperationName>(
    name: N,
    input: OperationInput<N>,
    options: CallOptions = {},
  ): Promise<OperationOutput<N>> {
    let parsed: ReturnType<typeof parseInput<N>>;
    try {
      parsed = parseInput(name, input);
    } catch (error) {
      if (error instanceof ZodError) throw usageFromZod(error);
      throw error;
    }
    const call = httpCallOf(name, parsed);
    // A long-poll is answered after up to wait_s: the timeout counts from then, not from the send.
    const binding: HttpBinding = OPERATIONS[name].http;
    const waitS = binding.longPoll ? Number((parsed as { wait_s?: number }).wait_s ?? 0) : 0;
    return this.request(call.method, call.path, call.body, call.headers, {
      ...options,
      timeoutMs: REQUEST_TIMEOUT_MS + waitS * 1000,
    }) as Promise<OperationOutput<N>>;
  }
}
