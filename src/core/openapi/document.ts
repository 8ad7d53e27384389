// Builds the OpenAPI 3.1 document from the operation table, the fixed routes and the shared zod schemas.
import { z } from 'zod';
import { Activity, Agent, Deliverable, Session, Snapshot, Task } from '../../shared/entities.ts';
import {
  ActivityCreate,
  AgentCreate,
  AgentPatch,
  DeliverableCreate,
  SessionPatch,
  SubagentCreate,
  TaskCreate,
  TaskPatch,
} from '../../shared/inputs.ts';
import { tableOperations } from './from-table.ts';
import type { HeaderParam, Operation } from './operation.ts';
import { fixedOperations } from './operations-fixed.ts';

/** Every documented route: the operation table's, then the fixed ones (stream, auth, health, MCP). */
export const OPERATIONS: readonly Operation[] = [...tableOperations(), ...fixedOperations];

type Json = Record<string, unknown>;

const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** Named schemas; inputs are described as the client sends them, entities as the server answers. */
const INPUTS = {
  TaskCreate,
  TaskPatch,
  AgentCreate,
  AgentPatch,
  ActivityCreate,
  DeliverableCreate,
  SubagentCreate,
  SessionPatch,
};
const ENTITIES = { Task, Agent, Activity, Deliverable, Session, Snapshot, ApiError };

const REF = (name: string) => `#/components/schemas/${name}`;

function components(): Json {
  const schemas: Json = {};
  for (const [io, named] of [
    ['input', INPUTS],
    ['output', ENTITIES],
  ] as const) {
    const registry = z.registry<{ id: string }>();
    for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
    const out = z.toJSONSchema(registry, { io, uri: REF, unrepresentable: 'any' }).schemas;
    for (const [id, schema] of Object.entries(out)) {
      const { $schema: _s, $id: _i, ...rest } = schema as Json;
      schemas[id] = rest;
    }
  }
  return schemas;
}

const names = new Map<z.ZodType, string>(
  [...Object.entries(INPUTS), ...Object.entries(ENTITIES)].map(([k, v]) => [v as z.ZodType, k]),
);

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const name = names.get(schema);
  if (name) return { $ref: REF(name) };
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

const HEADERS: Record<HeaderParam, Json> = {
  idempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    description: 'A retried write with the same key answers the first result and writes nothing twice.',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
    example: 'create-feature-x-1',
  },
  ifMatch: {
    name: 'If-Match',
    in: 'header',
    description: 'The version last seen (ETag of GET); a newer one on the server answers 409.',
    schema: { type: 'string' },
    example: '"2"',
  },
  lastEventId: {
    name: 'Last-Event-ID',
    in: 'header',
    description: 'Replay every event after this id, then go live.',
    schema: { type: 'string', pattern: '^\\d+$' },
    example: '41',
  },
};

const ERRORS: Record<number, [code: string, description: string]> = {
  400: ['validation_failed', 'Invalid input'],
  401: ['unauthorized', 'Missing or wrong bearer token'],
  403: ['forbidden', 'Not allowed for this token'],
  404: ['not_found', 'Not found'],
  406: ['not_acceptable', 'Accept must allow application/json and text/event-stream'],
  409: ['conflict', 'Version conflict or duplicate'],
  413: ['too_large', 'Too large'],
  415: ['unsupported_media_type', 'Send JSON'],
  422: ['unprocessable', 'A referenced id does not exist or a rule is broken'],
  429: ['too_many_failed_attempts', 'Too many failed authentications'],
};

function parameters(op: Operation): Json[] {
  const params: Json[] = [];
  for (const match of op.path.matchAll(/:(\w+)/g)) {
    params.push({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
      example: 'a UUID',
    });
  }
  if (op.query) {
    const json = schemaOf(op.query, 'input') as { properties?: Record<string, Json> };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      params.push({ name, in: 'query', required: false, schema });
    }
  }
  for (const header of op.headers ?? []) params.push(HEADERS[header]);
  return params;
}

function operation(op: Operation): Json {
  const { ok } = op;
  const contentType = ok.contentType ?? 'application/json';
  const okSchema =
    ok.schema &&
    (ok.list ? { type: 'array', items: schemaOf(ok.schema, 'output') } : schemaOf(ok.schema, 'output'));
  const responses: Json = {
    [ok.status]: {
      description: ok.description,
      ...(okSchema ? { content: { [contentType]: { schema: okSchema, example: ok.example } } } : {}),
    },
  };
  for (const status of [...op.errors, ...(op.public ? [] : [401])].sort()) {
    responses[status] = { $ref: `#/components/responses/E${status}` };
  }
  const body = op.body && {
    required: true,
    content: {
      [op.body.contentType ?? 'application/json']: {
        schema: schemaOf(op.body.schema, 'input'),
        example: op.body.example,
      },
    },
  };
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.public ? { security: [] } : {}),
    parameters: parameters(op),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

/** Fastify's `:id` → OpenAPI's `{id}`. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

export function buildOpenApiDocument(version: string): Json {
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) {
    const path = openApiPath(op.path);
    paths[path] = { ...paths[path], [op.method]: operation(op) };
  }
  const errorResponses = Object.fromEntries(
    Object.entries(ERRORS).map(([status, [code, description]]) => [
      `E${status}`,
      {
        description,
        content: {
          'application/json': {
            schema: { $ref: REF('ApiError') },
            example: { error: { code, message: description } },
          },
        },
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mission Control API',
      version,
      description:
        'The localhost API agents use to report work to the Mission Control board. Every route but ' +
        'health and the token exchange needs `Authorization: Bearer <token>` (the token file of the data dir).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://127.0.0.1:4000', description: 'The default local server' }],
    security: [{ bearer: [] }, { cookie: [] }],
    tags: [
      'tasks',
      'work',
      'attention',
      'agents',
      'sessions',
      'search',
      'events',
      'auth',
      'devices',
      'meta',
      'mcp',
    ].map((name) => ({
      name,
    })),
    paths,
    components: {
      schemas: components(),
      responses: errorResponses,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The token of the data dir' },
        cookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'mc_session',
          description: 'Browsers, via POST /api/auth/session',
        },
      },
    },
  };
}
