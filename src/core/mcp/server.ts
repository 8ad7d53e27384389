// Builds the MCP server over one core: the tools, the task resources, and errors as tool results.
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Core } from '../core.ts';
import { knownAnswer } from '../errors.ts';
import { TOOLS } from './tools.ts';

const MCP_SERVER_NAME = 'mission-control';

const INSTRUCTIONS = `Mission Control is a Kanban board that a person watches while agents work.
Typical orchestration: create_task → log_activity (triage) → update_task {status:"assigned",
assigned_agent_id} → register_subagent → add_deliverable → log_activity {activity_type:"completed"}
→ end_subagent → update_task {status:"review"}. Every write appears live on the board.
Resources: mission-control://tasks/{id} and mission-control://tasks/{id}/activities.`;

/** The same error shape as the HTTP API (`{ error: { code, message, details? } }`), as a tool error. */
function errorResult(error: unknown): CallToolResult {
  const known = knownAnswer(error);
  if (!known) throw error; // not the caller's fault: the SDK reports it as an internal error
  return { isError: true, content: [{ type: 'text', text: JSON.stringify(known.body) }] };
}

const json = (uri: URL, value: unknown) => ({
  contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(value, null, 2) }],
});

/** `readOnly` (a read-only device token): only the tools that read are offered at all. */
export function createMcpServer(
  core: Core,
  version: string,
  { readOnly = false }: { readOnly?: boolean } = {},
): McpServer {
  const server = new McpServer(
    { name: MCP_SERVER_NAME, title: 'Mission Control', version },
    { instructions: INSTRUCTIONS, capabilities: { tools: {}, resources: {} } },
  );
  for (const tool of TOOLS.filter((t) => !readOnly || !t.write)) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        outputSchema: tool.output,
        annotations: { readOnlyHint: !tool.write, destructiveHint: tool.name.startsWith('delete') },
      },
      async (input: unknown, extra: { signal?: AbortSignal }): Promise<CallToolResult> => {
        try {
          const context = extra.signal ? { signal: extra.signal } : {};
          const result = tool.toResult(await core.run(tool.operation, tool.toInput(input), context));
          return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result };
        } catch (error) {
          return errorResult(error);
        }
      },
    );
  }

  server.registerResource(
    'task',
    new ResourceTemplate('mission-control://tasks/{id}', {
      list: () => ({
        resources: core.tasks.list({ limit: 200 }).map((task) => ({
          uri: `mission-control://tasks/${encodeURIComponent(task.id)}`,
          name: task.title,
          mimeType: 'application/json',
        })),
      }),
    }),
    {
      title: 'Task',
      description: 'A task with its deliverables and sub-agent sessions',
      mimeType: 'application/json',
    },
    (uri, { id }) => {
      const taskId = decodeURIComponent(String(id));
      const task = core.tasks.get(taskId);
      return json(uri, {
        ...task,
        deliverables: core.deliverables.list(taskId),
        sessions: core.sessions.list({ task_id: taskId }),
      });
    },
  );

  server.registerResource(
    'task-activities',
    new ResourceTemplate('mission-control://tasks/{id}/activities', { list: undefined }),
    {
      title: 'Task activity log',
      description: 'The activity log of a task, oldest first',
      mimeType: 'application/json',
    },
    (uri, { id }) => json(uri, core.activities.list(decodeURIComponent(String(id)))),
  );
  return server;
}
