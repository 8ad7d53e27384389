// The HTTP app factory: guards, routes, the SSE hub and the web UI over one core. No globals.

import { createServer, type RequestListener } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import pkg from '../../../package.json' with { type: 'json' };
import type { Core } from '../core.ts';
import { createDevices, type Devices } from '../domain/devices.ts';
import { MCP_PATH, mcpRoutes } from '../mcp/routes.ts';
import { openapiRoutes } from '../openapi/routes.ts';
import { createRemote, type Remote } from '../remote/remote.ts';
import { createRouteContext } from './context.ts';
import { errorBody, HttpError, handleClientError, handleError } from './errors.ts';
import {
  authenticate,
  checkHost,
  checkOrigin,
  FailedAuthBrake,
  LOOPBACK_HOSTS,
  type Principal,
  SAFE_METHODS,
} from './guards.ts';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth.ts';
import { agentRoutes } from './routes/agents.ts';
import { authRoutes } from './routes/auth.ts';
import { deviceRoutes } from './routes/devices.ts';
import { eventRoutes } from './routes/events.ts';
import { remoteRoutes } from './routes/remote.ts';
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
  /** Addresses "allow other devices" listens on; default every LAN address (tests pass 127.0.0.2). */
  lanAddresses?: readonly string[];
}

export interface App {
  fastify: FastifyInstance;
  hub: SseHub;
  devices: Devices;
  /** The request handler, for extra listeners of the same app (the LAN one). */
  handler: RequestListener;
  /** Host names accepted now; the LAN switch adds and removes its own. */
  allowedHosts: Set<string>;
  /** Revokes a device token and ends that device's streams at once. */
  revokeDevice(id: string): void;
  /** "Allow other devices on my network": the persisted setting driving the LAN switch. */
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
  const devices = createDevices(options.core.store, () => options.token);
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

  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    checkHost(req, guard);
    checkOrigin(req, guard);
    const path = req.url.split('?')[0] ?? '';
    if (!(path.startsWith('/api/') || path === MCP_PATH) || isPublic(req.method, path)) return;
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
  });
  fastify.addHook('onSend', async (req, reply) => {
    if (!req.url.startsWith('/api/'))
      reply.header('content-security-policy', WEB_CSP).header('x-frame-options', 'DENY');
  });
  fastify.addHook('preClose', async () => hub.close());

  openapiRoutes(fastify, APP_VERSION);
  fastify.get('/api/health', async () => ({ ok: true, version: APP_VERSION }));
  authRoutes(fastify, ctx, options.token, brake, devices);
  const revokeDevice = (id: string) => {
    devices.revoke(id);
    hub.closeWhere((tag) => tag === id);
  };
  deviceRoutes(fastify, devices, revokeDevice);
  const remote = createRemote(options.core, { addresses: options.lanAddresses });
  remoteRoutes(fastify, remote);
  taskRoutes(fastify, ctx);
  agentRoutes(fastify, ctx);
  eventRoutes(fastify, ctx, hub);
  mcpRoutes(fastify, options.core, APP_VERSION);
  await staticRoutes(fastify, options.webRoot);
  fastify.all('/api', async (_req, reply) => reply.code(404).send(errorBody('not_found', 'See docs/API.md')));
  if (!handler) throw new Error('Fastify did not hand over its request handler');
  return { fastify, hub, devices, handler, allowedHosts: guard.allowedHosts, revokeDevice, remote };
}
