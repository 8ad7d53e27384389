// The operation table is the one source: every entry served over HTTP, documented, offered over MCP
// and IPC unless it says why not, and nothing served that is neither in the table nor a fixed route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_COMMANDS } from '../shared/ipc.ts';
import { isOmitted, type OperationDef } from '../shared/operation.ts';
import { OPERATION_NAMES, OPERATIONS } from '../shared/operations/index.ts';
import { TOOLS } from './mcp/tools.ts';
import { openApiPath } from './openapi/document.ts';
import { registeredRoutes } from './openapi/routes.ts';
import { testApp } from './testing/harness.ts';

/** Routes outside the table, each for a reason: no operation can express a stream, a cookie or a file. */
const FIXED_ROUTES = [
  'GET /api/health', // liveness, no token
  'GET /api/openapi.json', // this document
  'GET /api/events/stream', // Server-Sent Events
  'GET /api/openclaw/sessions/:id/logs/stream', // a session's log, Server-Sent Events
  'POST /api/auth/session', // token → cookie
  'GET /api/auth/session',
  'DELETE /api/auth/session',
  'POST /mcp', // MCP's own protocol
  'GET /mcp',
  'DELETE /mcp',
].sort();

/** The web UI's static files (one route per built file) and the JSON 404 for `/api` itself. */
const outsideApi = (url: string) => !(url.startsWith('/api/') || url === '/mcp');

let t: Awaited<ReturnType<typeof testApp>>;
let doc: { paths: Record<string, Record<string, unknown>> };
beforeAll(async () => {
  t = await testApp();
  doc = (await t.call('GET', '/api/openapi.json')).body as typeof doc;
});
afterAll(() => t.close());

const entries = () => OPERATION_NAMES.map((name) => [name, OPERATIONS[name] as OperationDef] as const);

describe('the operation table', () => {
  it('serves every operation over HTTP and documents it in OpenAPI', () => {
    for (const [name, op] of entries()) {
      const { method, path } = op.http;
      expect(t.app.hasRoute({ method, url: path }), name).toBe(true);
      expect(doc.paths[openApiPath(path)]?.[method.toLowerCase()], name).toBeDefined();
    }
  });

  it('registers exactly the table routes plus the short fixed list', () => {
    const table = entries().map(([, op]) => `${op.http.method} ${op.http.path}`);
    const actual = registeredRoutes(t.app)
      .filter((r) => r.method !== 'HEAD' && !outsideApi(r.url))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(actual).toEqual([...table, ...FIXED_ROUTES].sort());
    expect(new Set(table).size).toBe(table.length); // no two operations on one route
  });

  it('offers every operation over MCP unless its entry says why not', () => {
    const tools = new Map(TOOLS.map((tool) => [tool.operation, tool]));
    for (const [name, op] of entries()) {
      if (isOmitted(op.mcp)) {
        expect(op.mcp.omit.length, `${name}: a reason`).toBeGreaterThan(10);
        expect(tools.has(name), name).toBe(false);
      } else {
        expect(tools.get(name)?.name, name).toBe(op.mcp.tool);
      }
    }
    expect(new Set(TOOLS.map((t) => t.name)).size).toBe(TOOLS.length);
  });

  it('offers every operation over IPC unless its entry says why not', () => {
    for (const [name, op] of entries()) {
      if (isOmitted(op.ipc)) expect(BRIDGE_COMMANDS.has(name), name).toBe(false);
      else expect(BRIDGE_COMMANDS.has(name), name).toBe(true);
    }
    expect([...BRIDGE_COMMANDS].every((name) => Object.hasOwn(OPERATIONS, name))).toBe(true);
  });

  it('has a handler for every operation and none besides', () => {
    expect(Object.keys(t.core.handlers).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it('keeps the owner operations away from device tokens and MCP', () => {
    for (const [name, op] of entries()) {
      if (op.access === 'owner') expect(isOmitted(op.mcp), name).toBe(true);
    }
  });
});
