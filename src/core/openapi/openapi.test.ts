// The OpenAPI document: valid 3.1, in step with the routes Fastify registered, examples that parse.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, testApp } from '../testing/harness.ts';
import { OPERATIONS, openApiPath } from './document.ts';
import { registeredRoutes } from './routes.ts';

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
        requestBody?: { content: Record<string, { example?: unknown }> };
      }
    >
  >;
  components: { schemas: Record<string, unknown> };
};

let t: Awaited<ReturnType<typeof testApp>>;
let doc: Doc;

beforeAll(async () => {
  t = await testApp();
  const res = await t.call('GET', '/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body as Doc;
});
afterAll(() => t.close());

/** What the comparison covers: the API and MCP, not the web UI's static files or the /api 404 catch-all. */
const documentable = (url: string) => url.startsWith('/api/') || url === '/mcp';

describe('OpenAPI document', () => {
  it('validates as OpenAPI 3.1 with a validator library', async () => {
    const validator = new Validator();
    const result = await validator.validate(
      structuredClone(doc) as unknown as Parameters<Validator['validate']>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents every route Fastify registered, and documents no route that does not exist', () => {
    const actual = registeredRoutes(t.app)
      .filter((r) => r.method !== 'HEAD' && documentable(r.url))
      .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.url)}`)
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`))
      .sort();
    expect(actual.length).toBeGreaterThan(25);
    expect(documented).toEqual(actual);
    // The recorded list is what Fastify routes, not a list kept by hand.
    for (const op of OPERATIONS)
      expect(t.app.hasRoute({ method: op.method.toUpperCase(), url: op.path })).toBe(true);
  });

  it('is not served without the token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(401);
  });

  it('has an example for every request body and every answer with a body', () => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const media of Object.values(op.requestBody?.content ?? {})) {
          expect(media.example, `${method} ${path} request`).toBeDefined();
        }
        for (const [status, response] of Object.entries(op.responses)) {
          for (const media of Object.values(response.content ?? {})) {
            expect(media.example, `${method} ${path} ${status}`).toBeDefined();
          }
        }
      }
    }
  });

  it('has examples that the zod schemas they illustrate accept', () => {
    for (const op of OPERATIONS) {
      if (op.body) expect(() => op.body?.schema.parse(op.body.example), op.operationId).not.toThrow();
      if (op.ok.schema) {
        const schema = op.ok.list ? z.array(op.ok.schema) : op.ok.schema;
        expect(() => schema.parse(op.ok.example), op.operationId).not.toThrow();
      }
    }
  });

  it('describes bodies with the shared schemas: required fields and enums match', () => {
    const schemas = doc.components.schemas as Record<
      string,
      { required?: string[]; properties: Record<string, { enum?: string[] }> }
    >;
    expect(schemas.TaskCreate?.required).toEqual(['title']);
    expect(schemas.Task?.properties.status?.enum).toEqual([
      'inbox',
      'assigned',
      'in_progress',
      'testing',
      'review',
      'done',
    ]);
    expect(schemas.DeliverableCreate?.required).toEqual(['deliverable_type', 'title']);
    const createTask = doc.paths['/api/tasks']?.post?.requestBody?.content['application/json'] as {
      schema: unknown;
    };
    expect(createTask.schema).toEqual({ $ref: '#/components/schemas/TaskCreate' });
  });

  it('describes what a listening server really answers: every documented JSON GET parses with its schema', async () => {
    const srv = await startTestServer();
    const call = async (method: string, path: string, json?: unknown) => {
      const res = await srv.api(path, { method, ...(json === undefined ? {} : { json }) });
      return { status: res.status, body: (await res.json()) as { id: string; device?: { id: string } } };
    };
    try {
      const agent = await call('POST', '/api/agents', { name: 'Developer' });
      const task = await call('POST', '/api/tasks', { title: 'Build feature X', status: 'inbox' });
      const id = task.body.id as string;
      await call('PATCH', `/api/tasks/${id}`, { status: 'assigned', assigned_agent_id: agent.body.id });
      await call('POST', `/api/tasks/${id}/activities`, { activity_type: 'updated', message: 'Triaged' });
      await call('POST', `/api/tasks/${id}/deliverables`, {
        deliverable_type: 'url',
        title: 'PR',
        path: 'https://x.dev/1',
      });
      const session = await call('POST', `/api/tasks/${id}/subagent`, { openclaw_session_id: 's-1' });
      writeFileSync(join(srv.dataDir, 'report.md'), '# Feature X');
      const file = await call('POST', `/api/tasks/${id}/deliverables`, {
        deliverable_type: 'file',
        title: 'Report',
        path: join(srv.dataDir, 'report.md'),
      });
      await call('POST', `/api/tasks/${id}/comments`, { body: 'Looks good' });
      const device = await call('POST', '/api/devices', { name: 'Phone' });
      const webhook = await call('POST', '/api/webhooks', { url: 'http://127.0.0.1:9/hook' });
      await call('POST', `/api/webhooks/${webhook.body.id}/test`);
      const ids: Record<string, string> = {
        tasks: id,
        agents: agent.body.id,
        sessions: session.body.id,
        devices: device.body.device?.id ?? '',
        deliverables: file.body.id,
        webhooks: webhook.body.id,
      };
      // Operations whose GET needs a query to answer 200.
      const queries: Record<string, string> = { '/api/search': '?q=feature', '/api/usage': '?group_by=day' };
      let checked = 0;
      for (const op of OPERATIONS) {
        if (op.method !== 'get' || !op.ok.schema || op.ok.contentType || op.path === '/mcp') continue;
        const url =
          op.path.replace(/\/(\w+)\/:id/, (_m, collection: string) => `/${collection}/${ids[collection]}`) +
          (queries[op.path] ?? '');
        const res = await call('GET', url);
        expect(res.status, url).toBe(op.ok.status);
        const schema = op.ok.list ? z.array(op.ok.schema) : op.ok.schema;
        const parsed = schema.safeParse(res.body);
        expect(parsed.success, `${url}: ${parsed.error?.message}`).toBe(true);
        if (op.ok.list) expect((res.body as unknown as unknown[]).length, url).toBeGreaterThan(0);
        checked++;
      }
      expect(checked).toBeGreaterThan(12);
    } finally {
      await srv.close();
    }
  });
});
