// The operation table: every operation of the API, read or write, declared once. Each transport
// (HTTP routes, OpenAPI, MCP tools, IPC allow-list, CLI and browser clients) is derived from it,
// and the core's handler map must have one handler per entry (src/core/operations.ts).
import type { z } from 'zod';
import { agentOperations } from './agents.ts';
import { conversationOperations } from './conversation.ts';
import { logOperations } from './logs.ts';
import { searchOperations } from './search.ts';
import { serverOperations } from './server.ts';
import { taskOperations } from './tasks.ts';
import { usageOperations } from './usage.ts';
import { webhookOperations } from './webhooks.ts';
import { workOperations } from './work.ts';

export const OPERATIONS = {
  ...taskOperations,
  ...workOperations,
  ...conversationOperations,
  ...agentOperations,
  ...logOperations,
  ...searchOperations,
  ...usageOperations,
  ...serverOperations,
  ...webhookOperations,
};

export type Operations = typeof OPERATIONS;
export type OperationName = keyof Operations;
/** What a caller sends (defaults still to be filled in). */
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
/** What a handler receives: the input after its schema parsed it. */
export type ParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

/** Parses `input` with the operation's schema (throws a ZodError on bad input). */
export const parseInput = <N extends OperationName>(name: N, input: unknown): ParsedInput<N> =>
  OPERATIONS[name].input.parse(input ?? {}) as ParsedInput<N>;
