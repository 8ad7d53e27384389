// MCP over HTTP against a real server: the SDK client, the token, the seed's orchestration flow, SSE parity.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity, Agent, Deliverable, Session, Task } from '../../shared/entities.ts';
import { SseReader, startTestServer, TEST_TOKEN, type TestServer } from '../testing/harness.ts';

let srv: TestServer;
const clients: Client[] = [];

beforeEach(async () => {
  srv = await startTestServer();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await srv.close();
});

async function connect(token: string | null = TEST_TOKEN): Promise<Client> {
  const client = new Client({ name: 'mcp-test', version: '1.0.0' });
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${srv.url}/mcp`), { requestInit: { headers } }),
  );
  clients.push(client);
  return client;
}

/** The text of a resource content (ours are all JSON text). */
const textOf = (content: unknown) => String((content as { text?: string } | undefined)?.text);

async function call<T>(client: Client, name: string, args: Record<string, unknown>): Promise<T> {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent as T;
}

/** The seed's "For Orchestrating Agent" flow over MCP; answers the task id. */
async function mcpFlow(client: Client, orchestrator: string, developer: string, n: number): Promise<string> {
  const task = await call<Task>(client, 'create_task', { title: `Build feature ${n}`, status: 'inbox' });
  await call<Activity>(client, 'log_activity', {
    task_id: task.id,
    activity: {
      activity_type: 'updated',
      message: 'Triaged and assigned to Developer',
      agent_id: orchestrator,
    },
  });
  await call<Task>(client, 'update_task', {
    id: task.id,
    changes: { status: 'assigned', assigned_agent_id: developer },
  });
  const session = await call<Session>(client, 'register_subagent', {
    task_id: task.id,
    session: { openclaw_session_id: `mcp-${n}`, agent_name: 'Developer Sub-Agent' },
  });
  await call<Deliverable>(client, 'add_deliverable', {
    task_id: task.id,
    deliverable: { deliverable_type: 'file', title: 'Implementation', path: '~/code/feature-x.ts' },
  });
  await call<Activity>(client, 'log_activity', {
    task_id: task.id,
    activity: { activity_type: 'completed', message: 'Completed in 30 seconds' },
  });
  await call<Session>(client, 'end_subagent', { id: session.id });
  await call<Task>(client, 'update_task', { id: task.id, changes: { status: 'review' } });
  return task.id;
}

/** The same flow over the HTTP API, as the seed's agents do it. */
async function httpFlow(orchestrator: string, developer: string, n: number): Promise<string> {
  const post = async (path: string, json: unknown, method = 'POST') => {
    const res = await srv.api(path, { method, json });
    expect(res.status).toBeLessThan(300);
    return res.json();
  };
  const task = (await post('/api/tasks', { title: `Build feature ${n}`, status: 'inbox' })) as Task;
  const base = `/api/tasks/${task.id}`;
  await post(`${base}/activities`, {
    activity_type: 'updated',
    message: 'Triaged and assigned to Developer',
    agent_id: orchestrator,
  });
  await post(base, { status: 'assigned', assigned_agent_id: developer }, 'PATCH');
  const session = (await post(`${base}/subagent`, {
    openclaw_session_id: `http-${n}`,
    agent_name: 'Developer Sub-Agent',
  })) as Session;
  await post(`${base}/deliverables`, { deliverable_type: 'file', title: 'Implementation', path: '~/x.ts' });
  await post(`${base}/activities`, { activity_type: 'completed', message: 'Completed in 30 seconds' });
  await post(`/api/openclaw/sessions/${session.id}`, { status: 'completed' }, 'PATCH');
  await post(base, { status: 'review' }, 'PATCH');
  return task.id;
}

describe('MCP over HTTP', () => {
  it('lists the tools with input schemas generated from the shared zod schemas', async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name).sort();
    expect(names).toEqual(
      [
        'add_comment',
        'add_deliverable',
        'claim_task',
        'create_agent',
        'create_task',
        'delete_task',
        'end_subagent',
        'get_task',
        'heartbeat',
        'list_activities',
        'list_agents',
        'list_comments',
        'list_deliverables',
        'list_sessions',
        'list_tasks',
        'log_activity',
        'register_subagent',
        'release_task',
        'renew_lease',
        'review_task',
        'report_usage',
        'search',
        'update_task',
        'wait_for_messages',
      ].sort(),
    );
    const create = tools.find((t) => t.name === 'create_task');
    expect(create?.inputSchema.required).toEqual(['title']);
    expect(create?.inputSchema.properties?.status).toMatchObject({
      enum: expect.arrayContaining(['inbox', 'review']),
    });
    expect(client.getServerVersion()?.name).toBe('mission-control');
  });

  it('runs the orchestration flow and the stream shows the same events as the HTTP flow', async () => {
    const client = await connect();
    const orchestrator = await call<Agent>(client, 'create_agent', { name: 'Orchestrator', is_master: true });
    const developer = await call<Agent>(client, 'create_agent', { name: 'Developer', role: 'developer' });
    // Online before both flows, so neither shows the one-time presence change of its first activity.
    await call<Agent>(client, 'heartbeat', { id: orchestrator.id });
    const reader = await SseReader.open(`${srv.url}/api/events/stream`);

    const mcpTask = await mcpFlow(client, orchestrator.id, developer.id, 1);
    await reader.until((r) =>
      r.events.some((e) => e.type === 'task_updated' && e.payload.status === 'review'),
    );
    const mcpTypes = reader.events.map((e) => e.type);

    const httpTask = await httpFlow(orchestrator.id, developer.id, 2);
    await reader.untilEvents(mcpTypes.length * 2);
    const httpTypes = reader.events.slice(mcpTypes.length).map((e) => e.type);
    reader.close();

    expect(mcpTypes).toEqual(httpTypes);
    expect(new Set(mcpTypes)).toEqual(
      new Set([
        'task_created',
        'activity_logged',
        'task_updated',
        'agent_spawned',
        'deliverable_added',
        'agent_completed',
      ]),
    );
    // What the board would show afterwards is the same too.
    const mcpEnd = srv.core.tasks.get(mcpTask);
    expect(mcpEnd).toMatchObject({ status: 'review', assigned_agent_id: developer.id });
    expect(srv.core.tasks.get(httpTask)).toMatchObject({ status: 'review', version: mcpEnd.version });
    expect(srv.core.activities.list(mcpTask).map((a) => a.activity_type)).toEqual(
      srv.core.activities.list(httpTask).map((a) => a.activity_type),
    );
    expect(srv.core.sessions.list({ task_id: mcpTask })[0]).toMatchObject({ status: 'completed' });
  });

  it('serves a task and its activity log as resources', async () => {
    const client = await connect();
    const task = await call<Task>(client, 'create_task', { title: 'Resource me' });
    await call(client, 'log_activity', {
      task_id: task.id,
      activity: { activity_type: 'updated', message: 'hi' },
    });
    await call(client, 'add_deliverable', {
      task_id: task.id,
      deliverable: { deliverable_type: 'url', title: 'PR', path: 'https://example.com/pr/1' },
    });

    const listed = await client.listResources();
    expect(listed.resources.map((r) => r.uri)).toContain(`mission-control://tasks/${task.id}`);
    const one = await client.readResource({ uri: `mission-control://tasks/${task.id}` });
    const body = JSON.parse(textOf(one.contents[0]));
    expect(body).toMatchObject({
      id: task.id,
      title: 'Resource me',
      deliverables: [{ title: 'PR' }],
      sessions: [],
    });
    const log = await client.readResource({ uri: `mission-control://tasks/${task.id}/activities` });
    expect(JSON.parse(textOf(log.contents[0])).map((a: Activity) => a.message)).toEqual(['hi']);
  });

  it('answers domain and validation errors as tool errors with the API error shape', async () => {
    const client = await connect();
    const missing = await client.callTool({ name: 'get_task', arguments: { id: 'nope' } });
    expect(missing.isError).toBe(true);
    const text = (missing.content as Array<{ text: string }>)[0]?.text ?? '';
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'not_found' } });

    const invalid = await client.callTool({ name: 'create_task', arguments: { title: '' } });
    expect(invalid.isError).toBe(true);
    expect(srv.core.tasks.list()).toHaveLength(0);

    const task = await call<Task>(client, 'create_task', { title: 'Versioned' });
    const stale = await client.callTool({
      name: 'update_task',
      arguments: { id: task.id, changes: { title: 'B' }, expected_version: task.version + 5 },
    });
    expect(JSON.parse((stale.content as Array<{ text: string }>)[0]?.text ?? '')).toMatchObject({
      error: { code: 'conflict' },
    });
  });

  it('keeps tools/list lean: agents pay for every description in their context', async () => {
    const client = await connect();
    const listed = await client.listTools();
    const bytes = JSON.stringify(listed).length;
    // 14 tools measured 22 KB of JSON before the operation table; the work loop's tools must fit too.
    expect(bytes).toBeLessThan(40_000);
    for (const tool of listed.tools) expect(tool.description?.length ?? 0, tool.name).toBeLessThan(300);
  });

  it('lists the whole task schema once (get_task) and answers whole tasks everywhere', async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    const fields = (name: string) =>
      Object.keys((tools.find((t) => t.name === name)?.outputSchema?.properties ?? {}) as object);
    expect(fields('get_task')).toContain('budget_usd');
    expect(fields('create_task')).not.toContain('budget_usd');
    const created = await client.callTool({ name: 'create_task', arguments: { title: 'Whole' } });
    expect(created.isError).toBeFalsy();
    expect(created.structuredContent).toMatchObject({ title: 'Whole', depends_on: [], budget_usd: null });
    expect(created.structuredContent).toHaveProperty('usage');
  });

  it('offers a read-only device token only the reading tools, and they work', async () => {
    await srv.api('/api/tasks', { method: 'POST', json: { title: 'visible to the viewer' } });
    const issued = await srv.api('/api/devices', { method: 'POST', json: { name: 'viewer', scope: 'read' } });
    const { token } = (await issued.json()) as { token: string };
    const viewer = await connect(token);
    const names = (await viewer.listTools()).tools.map((t) => t.name);
    expect(names).toContain('list_tasks');
    expect(names).not.toContain('create_task');
    expect(names).not.toContain('delete_task');
    const tasks = await call<{ tasks: Task[] }>(viewer, 'list_tasks', {});
    expect(JSON.stringify(tasks)).toContain('visible to the viewer');
    const write = await viewer.callTool({ name: 'create_task', arguments: { title: 'x' } });
    expect(write.isError).toBe(true);
    expect((await (await srv.api('/api/tasks')).json()) as Task[]).toHaveLength(1);
  });

  it('refuses a client without the token, or with a wrong one, and writes nothing', async () => {
    await expect(connect(null)).rejects.toThrow();
    await expect(connect('wrong-token')).rejects.toThrow();
    const res = await fetch(`${srv.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'create_task', arguments: { title: 'x' } },
      }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(srv.core.tasks.list()).toHaveLength(0);
  });

  it('answers a plain JSON-RPC POST (curl) and 405 for GET on the stateless endpoint', async () => {
    const res = await srv.api('/mcp', {
      method: 'POST',
      headers: { accept: 'application/json, text/event-stream' },
      json: {
        jsonrpc: '2.0',
        id: 7,
        method: 'tools/call',
        params: { name: 'create_task', arguments: { title: 'curl' } },
      },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: number; result: { structuredContent: Task } };
    expect(body).toMatchObject({ id: 7, result: { structuredContent: { title: 'curl', status: 'inbox' } } });
    expect((await srv.api('/mcp')).status).toBe(405);
  });
});
