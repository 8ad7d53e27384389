// The MCP tools, generated from the operation table: every operation whose entry names a tool.
import { z } from 'zod';
import { Task } from '../../shared/entities.ts';
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

/**
 * The task as the tool list describes it outside `get_task`: the key fields, the others allowed. Ten
 * tools answer a task; listing all its fields in each cost agents 18 KB of context per session. The
 * answers themselves are whole tasks (a loose object validates them).
 */
const TaskBrief = z
  .looseObject({
    id: Task.shape.id,
    title: Task.shape.title,
    status: Task.shape.status,
    version: Task.shape.version,
    assigned_agent_id: Task.shape.assigned_agent_id,
  })
  .describe('The whole task, as get_task answers it (key fields listed)');

/** `schema` with the task schema replaced by the brief, wherever it appears (alone, in a list, in a field). */
function briefly(schema: z.ZodType): z.ZodType {
  if (schema === Task) return TaskBrief;
  if (schema instanceof z.ZodArray && schema.element === Task) return z.array(TaskBrief);
  if (schema instanceof z.ZodNullable) return briefly(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(
      Object.entries(schema.shape).map(([key, field]) => [key, briefly(field as z.ZodType)]),
    );
    return z.object(shape);
  }
  return schema;
}

function tool(operation: OperationName, op: OperationDef, mcp: McpBinding): ToolDef {
  const wrap = mcp.wrap;
  const answer = mcp.tool === 'get_task' ? op.output : briefly(op.output);
  const output = wrap ? z.object({ [wrap]: answer }) : (answer as z.ZodObject);
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
