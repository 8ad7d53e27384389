// Documented routes outside the operation table: the stream, auth, health, MCP and this document.
import { z } from 'zod';
import * as ex from '../../shared/operations/examples.ts';
import type { Operation } from './operation.ts';

const Health = z.object({ ok: z.literal(true), version: z.string() });
const TokenExchange = z.strictObject({ token: z.string().min(1).max(1000) });
const AuthState = z.object({
  authenticated: z.literal(true),
  scope: z.enum(['read', 'write']).describe('read: a read-only device token'),
  device_id: z.string().nullable().describe('null for the owner token'),
});
const StreamQuery = z.object({
  lastEventId: z.number().int().min(0).optional().describe('For clients that cannot send Last-Event-ID'),
  agent_id: z
    .string()
    .optional()
    .describe("Only the events that concern this agent (its inbox's rule), with the global event ids"),
});
const LogStreamQuery = z.object({
  lastEventId: z.number().int().min(0).optional().describe('For clients that cannot send Last-Event-ID'),
  tail: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Without Last-Event-ID: how many of the newest lines to replay first (default 1000)'),
});
const logStreamExample = `retry: 2000

id: 41
data: {"seq":41,"stream":"stdout","text":"ok 1 - parses","at":"2026-03-01T10:05:00.000Z"}

: ping

event: session_ended
data: {"session_id":"${ex.ids.session}","last_seq":41}
`;
const JsonRpc = z.looseObject({ jsonrpc: z.literal('2.0') });
const OpenApiDoc = z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) });

export const fixedOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/events/stream',
    operationId: 'streamEvents',
    tag: 'events',
    summary: 'Live event stream (Server-Sent Events)',
    description:
      'Unnamed events; `id:` is the event id. With Last-Event-ID the server replays every event after ' +
      'it first. An id the log no longer holds gets a `reset` event: refetch the snapshot.',
    query: StreamQuery,
    headers: ['lastEventId'],
    ok: {
      status: 200,
      description: 'An endless text/event-stream',
      schema: z.string(),
      example: ex.sseExample,
      contentType: 'text/event-stream',
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/openclaw/sessions/:id/logs/stream',
    operationId: 'streamSessionLogs',
    tag: 'sessions',
    summary: "A session's live log (Server-Sent Events)",
    description:
      'One unnamed event per line, `id:` its seq, `data:` `{ seq, stream, text, at }`. With ' +
      'Last-Event-ID it replays every kept line after that seq; without, the last `tail` lines; then ' +
      'each line as it is appended, nothing missed or doubled in between. When the session ends (or ' +
      'had ended when the stream opened) a named `session_ended` event `{ session_id, last_seq }` ' +
      'follows; the stream stays open for late lines. Counted in the same per-token stream limits ' +
      'as the event stream (429 `too_many_streams`).',
    query: LogStreamQuery,
    headers: ['lastEventId'],
    ok: {
      status: 200,
      description: 'An endless text/event-stream',
      schema: z.string(),
      example: logStreamExample,
      contentType: 'text/event-stream',
    },
    errors: [400, 404, 429],
  },
  {
    method: 'get',
    path: '/api/health',
    operationId: 'health',
    tag: 'meta',
    summary: 'Liveness',
    public: true,
    ok: {
      status: 200,
      description: 'The server is up',
      schema: Health,
      example: { ok: true, version: '0.1.0' },
    },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'openapi',
    tag: 'meta',
    summary: 'This document',
    ok: {
      status: 200,
      description: 'OpenAPI 3.1, generated from the zod schemas',
      schema: OpenApiDoc,
      example: { openapi: '3.1.0', paths: {} },
    },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/auth/session',
    operationId: 'createBrowserSession',
    tag: 'auth',
    summary: 'Trade the token for a browser session cookie',
    public: true,
    body: { schema: TokenExchange, example: ex.input.authSession },
    ok: { status: 204, description: 'Cookie set (HttpOnly, SameSite=Strict)' },
    errors: [400, 401, 429],
  },
  {
    method: 'get',
    path: '/api/auth/session',
    operationId: 'getBrowserSession',
    tag: 'auth',
    summary: 'Whether the caller is authenticated',
    ok: {
      status: 200,
      description: 'Authenticated',
      schema: AuthState,
      example: { authenticated: true, scope: 'write', device_id: null },
    },
    errors: [],
  },
  {
    method: 'delete',
    path: '/api/auth/session',
    operationId: 'deleteBrowserSession',
    tag: 'auth',
    summary: 'Forget the browser session cookie',
    public: true,
    ok: { status: 204, description: 'Cookie cleared' },
    errors: [],
  },
  {
    method: 'post',
    path: '/mcp',
    operationId: 'mcp',
    tag: 'mcp',
    summary: 'Model Context Protocol (Streamable HTTP, stateless)',
    description:
      'JSON-RPC 2.0 messages of MCP. Send `Accept: application/json, text/event-stream`. ' +
      'Tools and resources are listed by `tools/list` and `resources/templates/list`; see docs/AGENTS.md.',
    body: { schema: JsonRpc, example: ex.mcpExample.request },
    ok: { status: 200, description: 'The JSON-RPC answer', schema: JsonRpc, example: ex.mcpExample.response },
    errors: [400, 406, 415],
  },
  {
    method: 'get',
    path: '/mcp',
    operationId: 'mcpStream',
    tag: 'mcp',
    summary: 'Not offered: the MCP endpoint is stateless',
    ok: { status: 405, description: 'Use POST' },
    errors: [],
  },
  {
    method: 'delete',
    path: '/mcp',
    operationId: 'mcpEndSession',
    tag: 'mcp',
    summary: 'Not offered: the MCP endpoint has no sessions to end',
    ok: { status: 405, description: 'Use POST' },
    errors: [],
  },
];
