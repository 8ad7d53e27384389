// The HTTP app factory: guards, routes, the SSE hub and the web UI over one core. No globals.

import { createServer, type RequestListener } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import pkg from '../../../package.json' with { type: 'json' };
import type { Core } from '../core.ts';
import { errorBody, HttpError } from '../errors.ts';
import { MCP_PATH, mcpRoutes } from '../mcp/routes.ts';
import { LOOPBACK_HOSTS } from '../network.ts';
import { openapiRoutes } from '../openapi/routes.ts';
import type { Remote } from '../remote/remote.ts';
import { createRouteContext } from './context.ts';
import { createDeviceAuth } from './device-auth.ts';
import { handleClientError, handleError } from './errors.ts';
import {
  authenticate,
  checkHost,
  checkOrigin,
  FailedAuthBrake,
  type Principal,
  SAFE_METHODS,
} from './guards.ts';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth.ts';
import { operationRoutes } from './operation-routes.ts';
import { authRoutes } from './routes/auth.ts';
import { eventRoutes } from './routes/events.ts';
import { logStreamRoutes } from './routes/logs.ts';
import { staticRoutes, WEB_CSP } from './routes/static.ts';
import { DEFAULT_SSE, SseHub, type SseOptions } from './sse.ts';

const APP_VERSION: string = pkg.version;

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
  /** The request handler, for extra listeners of the same app (the LAN one). */
  handler: RequestListener;
  /** Host names accepted now; the LAN switch adds and removes its own. */
  allowedHosts: Set<string>;
  /** "Allow other devices on my network": the core's, which this server's listeners drive. */
  remote: Remote;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Routes that answer without a token: liveness, and the exchange that checks a token itself. */
const isPublic = (method: string, path: string) =>
  path === '/api/health' || (path === '/api/auth/session' && method === 'POST');

export async function createApp(options: AppOptions): Promise<App> {
  let handler: RequestListener | undefined;
  const fastify = Fastify({
    serverFactory: (listener) => {
      handler = listener;
      return createServer(listener);
    },
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
  const devices = createDeviceAuth(options.core.tx, options.token);
  fastify.decorateRequest('principal', null);

  // The seed's agents POST JSON with fetch's default text/plain type: parse it as JSON too.
  // An empty body is no body (DELETE sent by JSON helpers that always set the type).
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser(
    ['application/json', 'text/plain'],
    { parseAs: 'string' },
    (req, body, done) => {
      if (body === '') return done(null, undefined);
      // Deep nesting would overflow the stack in validation (a 500); no real input nests this deep.
      if (jsonDepthExceeds(body as string))
        return done(
          new HttpError(400, 'too_deep', `JSON nests deeper than ${MAX_JSON_DEPTH} levels`),
          undefined,
        );
      json(req, body as string, done);
    },
  );
  fastify.setErrorHandler(handleError);
  await fastify.register(fastifyCookie);

  // Callback hooks, not async ones: an async hook costs every request a promise and a microtask hop
  // (a throw in a callback hook still reaches the error handler).
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    checkHost(req, guard);
    checkOrigin(req, guard);
    const path = req.url.split('?')[0] ?? '';
    if (!(path.startsWith('/api/') || path === MCP_PATH) || isPublic(req.method, path)) return done();
    brake.check(req.ip);
    req.principal = authenticate(req, guard, devices);
    if (!req.principal) {
      brake.fail(req.ip);
      reply.header('www-authenticate', 'Bearer realm="mission-control"');
      throw new HttpError(401, 'unauthorized', 'Send Authorization: Bearer <token> (see the token file)');
    }
    // MCP speaks POST even to read; a read-only caller gets only the reading tools there.
    if (req.principal.scope === 'read' && !SAFE_METHODS.has(req.method) && path !== MCP_PATH) {
      throw new HttpError(403, 'read_only', 'This device token is read-only');
    }
    done();
  });
  fastify.addHook('onSend', (req, reply, payload, done) => {
    if (!req.url.startsWith('/api/'))
      reply.header('content-security-policy', WEB_CSP).header('x-frame-options', 'DENY');
    done(null, payload);
  });
  fastify.addHook('preClose', async () => hub.close());

  openapiRoutes(fastify, APP_VERSION);
  fastify.get('/api/health', async () => ({ ok: true, version: APP_VERSION }));
  authRoutes(fastify, options.token, brake, devices);
  operationRoutes(fastify, ctx, options.core.handlers);
  eventRoutes(fastify, hub, options.core.agents);
  logStreamRoutes(fastify, hub, options.core, { ...DEFAULT_SSE, ...options.sse });
  mcpRoutes(fastify, options.core, APP_VERSION);
  await staticRoutes(fastify, options.webRoot);
  fastify.all('/api', async (_req, reply) => reply.code(404).send(errorBody('not_found', 'See docs/API.md')));
  if (!handler) throw new Error('Fastify did not hand over its request handler');
  return { fastify, hub, handler, allowedHosts: guard.allowedHosts, remote: options.core.remote };
}
