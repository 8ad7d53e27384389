// What one operation declares: its schemas, who may call it, and how each transport offers it.
// The table of them (src/shared/operations) is the one place an operation is named; HTTP routes,
// the OpenAPI document, MCP tools, the IPC allow-list, the CLI and browser clients derive from it.
import type { z } from 'zod';

/** read: any token; write: the owner or a read-write device; owner: the owner token only. */
export type Access = 'read' | 'write' | 'owner';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpBinding {
  method: HttpMethod;
  /** Fastify's spelling, `/api/tasks/:id`. */
  path: string;
  /** The success status (201 for a created resource). */
  status: number;
  /** Path parameters whose input field has another name: `{ id: 'task_id' }`. */
  params?: Record<string, string>;
  /**
   * The input field that is the whole request body (`changes` of `tasks.update`); without it the
   * body is the input less its path and header fields. GET reads the same fields from the query.
   */
  body?: string;
  /** Input fields sent as headers: `{ expected_version: 'if-match' }` (as `"<n>"`). */
  headers?: Record<string, 'if-match'>;
  /** The answer's `ETag` is the result's `version`, for `If-Match` on a later write. */
  etag?: boolean;
  /** The status (with no body) when the operation answers null: `204` for "nothing to claim". */
  nullStatus?: number;
  /**
   * The request may wait (a long-poll): answered when ready, outside group commit, without
   * Idempotency-Key; the handler learns through its signal when the client leaves.
   */
  longPoll?: boolean;
}

/** Left out of a transport, with the reason (the table test requires one). */
export interface Omitted {
  omit: string;
}

export interface McpBinding {
  /** Snake-case tool name agents call (`create_task`). */
  tool: string;
  title: string;
  /** Terse: agents pay for every word of every tool description in their context. */
  description: string;
  /** MCP results must be objects: a list answer comes as `{ [wrap]: [...] }`. */
  wrap?: string;
  /** A tool whose arguments differ from the operation's input (e.g. `end_subagent`). */
  adapt?: { input: z.ZodObject; toInput(args: never): unknown };
}

export interface OperationDocs {
  /** OpenAPI tag (tasks, agents, sessions, events, devices). */
  tag: string;
  /** OpenAPI operationId. */
  id: string;
  summary: string;
  description?: string;
  /** What the result looks like (an example the output schema accepts). */
  result: unknown;
  /** A request body example, for operations that take a body. */
  body?: unknown;
  /** Error statuses besides 401 (and 403 for write/owner access, added automatically). */
  errors: number[];
}

export interface OperationDef<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  A extends Access = Access,
> {
  input: I;
  output: O;
  access: A;
  http: HttpBinding;
  mcp: McpBinding | Omitted;
  ipc: true | Omitted;
  docs: OperationDocs;
}

/** Keeps each entry's literal schema types while checking it against OperationDef. */
export const defineOperation = <I extends z.ZodType, O extends z.ZodType, A extends Access>(
  def: OperationDef<I, O, A>,
): OperationDef<I, O, A> => def;

export const isOmitted = (value: unknown): value is Omitted =>
  typeof value === 'object' && value !== null && 'omit' in value;
