// GET /api/openapi.json, and the record of every route Fastify registers (the test compares the two).
import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from './document.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
}

const registered = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route registered on `app` after openapiRoutes ran (HEAD routes Fastify adds itself included). */
export const registeredRoutes = (app: FastifyInstance): readonly RegisteredRoute[] =>
  registered.get(app) ?? [];

/** Call before the other routes, so the onRoute hook sees them all. */
export function openapiRoutes(app: FastifyInstance, version: string): void {
  const routes: RegisteredRoute[] = [];
  registered.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  let document: unknown;
  app.get('/api/openapi.json', async () => {
    document ??= buildOpenApiDocument(version);
    return document;
  });
}
