// /mcp: the Streamable HTTP transport of the MCP SDK, stateless (one server + transport per request).
// Stateless because all state lives in SQLite: no session table to leak or to lose on a restart,
// and any client can call any time. Auth, Host and Origin checks run before, in the app's hooks.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Core } from '../core.ts';
import { errorBody } from '../errors.ts';

export const MCP_PATH = '/mcp';

// The MCP SDK takes ~200 ms to load: load it on the first /mcp call, not on every start
// (saves ~55 ms of CPU per start: 563 → 510 ms task-clock, median of 7; see docs/BENCHMARKS.md).
let sdk: Promise<
  [typeof import('@modelcontextprotocol/sdk/server/streamableHttp.js'), typeof import('./server.ts')]
>;
const loadSdk = () => {
  sdk ??= Promise.all([import('@modelcontextprotocol/sdk/server/streamableHttp.js'), import('./server.ts')]);
  return sdk;
};

export function mcpRoutes(app: FastifyInstance, core: Core, version: string): void {
  app.post(MCP_PATH, async (req, reply) => {
    const [{ StreamableHTTPServerTransport }, { createMcpServer }] = await loadSdk();
    const server = createMcpServer(core, version, { readOnly: req.principal?.scope === 'read' });
    // JSON answers rather than an SSE stream per call: every tool is synchronous, and curl can read it.
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    reply.hijack();
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) reply.raw.setHeader(name, value);
    }
    reply.raw.on('close', () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(req.raw, reply.raw, req.body);
    } catch (error) {
      req.log.error({ err: error }, 'mcp request failed');
      if (!reply.raw.headersSent) {
        reply.raw.writeHead(500, { 'content-type': 'application/json' });
        reply.raw.end(
          JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: null }),
        );
      }
    }
  });

  // A stateless server has no stream to resume and no session to end.
  const notAllowed = async (_req: unknown, reply: FastifyReply) =>
    reply
      .code(405)
      .header('allow', 'POST')
      .send(errorBody('method_not_allowed', 'This MCP endpoint is stateless: POST JSON-RPC messages'));
  app.get(MCP_PATH, notAllowed);
  app.delete(MCP_PATH, notAllowed);
}
