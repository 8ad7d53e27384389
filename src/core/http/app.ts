// The HTTP app factory: guards, routes, the SSE hub and the web UI over one core. No globals.
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import pkg from '../../../package.json' with { type: 'json' };
import type { Core } from '../core.ts';
import { MCP_PATH, mcpRoutes } from '../mcp/routes.ts';
import { openapiRoutes } from '../openapi/routes.ts';
import { createRouteContext } from './context.ts';
import { errorBody, HttpError, handleClientError, handleError } from './errors.ts';
import { authenticate, checkHost, checkOrigin, FailedAuthBrake, LOOPBACK_HOSTS } from './guards.ts';
import { agentRoutes } from './routes/agents.ts';
import { authRoutes } from './routes/auth.ts';
import { eventRoutes } from './routes/events.ts';
import { staticRoutes, WEB_CSP } from './routes/static.ts';
import { taskRoutes } from './routes/tasks.ts';
import { SseHub, type SseOptions } from './sse.ts';

export const APP_VERSION: string = pkg.version;

export interface AppOptions {
  core: Core;
  token: string;
  /** Host names accepted besides the loopback ones. */
  allowHosts?: readonly string[];
  /** Browser origins allowed besides the server's own. */
  allowOrigins?: readonly string[];
  /** Folder of the built web UI; omitted or missing, `/` explains how to build it. */
  webRoot?: string;
  sse?: Partial<SseOptions>;
  bodyLimit?: number;
  failedAuth?: { limit: number; windowMs: number };
  logger?: boolean;
}

export interface App {
  fastify: FastifyInstance;
  hub: SseHub;
}

const PUBLIC_ROUTES = new Set(['/api/health', '/api/auth/session']);

export async function createApp(options: AppOptions): Promise<App> {
  const fastify = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Streams are ended by the hub on close; idle keep-alive sockets must not hold shutdown.
    forceCloseConnections: true,
    routerOptions: { maxParamLength: 500 },
    // Malformed requests Fastify or Node refuse themselves answer the same JSON error shape.
    clientErrorHandler: handleClientError,
    frameworkErrors: handleError,
  });
  const guard = {
    token: options.token,
    allowedHosts: new Set([...LOOPBACK_HOSTS, ...(options.allowHosts ?? []).map((h) => h.toLowerCase())]),
    allowedOrigins: new Set(options.allowOrigins ?? []),
  };
  const brake = new FailedAuthBrake(options.failedAuth?.limit, options.failedAuth?.windowMs);
  const hub = new SseHub(options.core.events, options.core.bus, options.sse);
  const ctx = createRouteContext(options.core);

  // The seed's agents POST JSON with fetch's default text/plain type: parse it as JSON too.
  // An empty body is no body (DELETE sent by JSON helpers that always set the type).
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser(
    ['application/json', 'text/plain'],
    { parseAs: 'string' },
    (req, body, done) => (body === '' ? done(null, undefined) : json(req, body as string, done)),
  );
  fastify.setErrorHandler(handleError);
  await fastify.register(fastifyCookie);

  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    checkHost(req, guard);
    checkOrigin(req, guard);
    const path = req.url.split('?')[0] ?? '';
    if (!(path.startsWith('/api/') || path === MCP_PATH) || PUBLIC_ROUTES.has(path)) return;
    brake.check(req.ip);
    if (!authenticate(req, guard)) {
      brake.fail(req.ip);
      reply.header('www-authenticate', 'Bearer realm="mission-control"');
      throw new HttpError(401, 'unauthorized', 'Send Authorization: Bearer <token> (see the token file)');
    }
  });
  fastify.addHook('onSend', async (req, reply) => {
    if (!req.url.startsWith('/api/'))
      reply.header('content-security-policy', WEB_CSP).header('x-frame-options', 'DENY');
  });
  fastify.addHook('preClose', async () => hub.close());

  openapiRoutes(fastify, APP_VERSION);
  fastify.get('/api/health', async () => ({ ok: true, version: APP_VERSION }));
  authRoutes(fastify, ctx, options.token, brake);
  taskRoutes(fastify, ctx);
  agentRoutes(fastify, ctx);
  eventRoutes(fastify, ctx, hub);
  mcpRoutes(fastify, options.core, APP_VERSION);
  await staticRoutes(fastify, options.webRoot);
  fastify.all('/api', async (_req, reply) => reply.code(404).send(errorBody('not_found', 'See docs/API.md')));
  return { fastify, hub };
}
