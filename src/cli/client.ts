// The CLI's HTTP client: commands travel as HTTP_CALLS says, validated first with the shared schemas.
import { ZodError } from 'zod';
import type { ApiErrorBody } from '../shared/api.ts';
import {
  COMMAND_INPUTS,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  HTTP_CALLS,
} from '../shared/commands.ts';
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

export const REQUEST_TIMEOUT_MS = 30_000;

export function describeFetchError(error: unknown, url: string): ConnectionError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason =
    (error as Error).name === 'TimeoutError' ? 'timed out' : (cause?.code ?? cause?.message ?? String(error));
  return new ConnectionError(
    `cannot reach Mission Control at ${url} (${reason}); is it running? (mission-control serve)`,
  );
}

/** Turns a schema failure into the same `field: message` list the API answers, as a usage error. */
export function usageFromZod(error: ZodError): UsageError {
  return new UsageError(
    `invalid input: ${error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ')}`,
  );
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
  ): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${this.target.url}${path}`, {
        method,
        headers: this.headers({
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        }),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
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

  get<T>(path: string): Promise<T> {
    return this.request('GET', path) as Promise<T>;
  }

  /** Validates with the command's schema (a failure is a usage error, nothing is sent), then sends it. */
  async command<C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
    let parsed: unknown;
    try {
      parsed = COMMAND_INPUTS[command].parse(input);
    } catch (error) {
      if (error instanceof ZodError) throw usageFromZod(error);
      throw error;
    }
    const call = (HTTP_CALLS[command] as (input: unknown) => ReturnType<(typeof HTTP_CALLS)[C]>)(parsed);
    return this.request(call.method, call.path, call.body, call.headers) as Promise<CommandOutput<C>>;
  }
}
