// The MCP tools, generated from the operation table: every operation whose entry names a tool.
import { z } from 'zod';
import { isOmitted, type McpBinding, type OperationDef } from '../../shared/operation.ts';
import { OPERATION_NAMES, OPERATIONS, type OperationName } from '../../shared/operations/index.ts';

export interface ToolDef {
  name: string;
  operation: OperationName;
  title: string;
  description: string;
  input: z.ZodObject;
  /** MCP structured results must be objects, so lists come wrapped (`{ tasks: [...] }`). */
  output: z.ZodObject;
  /** Writes change the board and emit an event; reads never do. */
  write: boolean;
  /** The operation's input for the tool's arguments (the same object unless the tool adapts it). */
  toInput(args: unknown): unknown;
  /** The tool's result for the operation's answer. */
  toResult(value: unknown): Record<string, unknown>;
}

function tool(operation: OperationName, op: OperationDef, mcp: McpBinding): ToolDef {
  const wrap = mcp.wrap;
  const output = wrap ? z.object({ [wrap]: op.output }) : (op.output as z.ZodObject);
  const adapt = mcp.adapt;
  return {
    name: mcp.tool,
    operation,
    title: mcp.title,
    description: mcp.description,
    input: adapt?.input ?? (op.input as z.ZodObject),
    output,
    write: op.access !== 'read',
    toInput: adapt ? (args) => adapt.toInput(adapt.input.parse(args ?? {}) as never) : (args) => args,
    toResult: (value) => (wrap ? { [wrap]: value } : (value as Record<string, unknown>)),
  };
}

export const TOOLS: readonly ToolDef[] = OPERATION_NAMES.flatMap((name) => {
  const op: OperationDef = OPERATIONS[name];
  return isOmitted(op.mcp) ? [] : [tool(name, op, op.mcp)];
});
