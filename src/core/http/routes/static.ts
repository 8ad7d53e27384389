// Serves the built web UI (the same renderer as the desktop window) with a strict CSP.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../../errors.ts';

export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Mission Control</title>
<body style="font-family:system-ui;margin:3rem"><h1>Mission Control is running</h1>
<p>The agent API is up, but the web UI has not been built. Run <code>npm run build:web</code> and reload.</p>`;

export async function staticRoutes(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const hasUi = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (hasUi) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html' });
  }
  app.setNotFoundHandler(async (req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api' || req.method !== 'GET') {
      return reply.code(404).send(errorBody('not_found', `No route ${req.method} ${req.url.split('?')[0]}`));
    }
    reply.header('content-security-policy', WEB_CSP).type('text/html; charset=utf-8');
    return hasUi ? reply.sendFile('index.html') : reply.send(NOT_BUILT);
  });
}
