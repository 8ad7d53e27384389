// Starts the HTTP app on a port (optionally the next free one) and stops everything in order.
import type { AddressInfo } from 'node:net';
import { type App, type AppOptions, createApp } from './http/app.ts';

export interface ServerOptions extends AppOptions {
  host: string;
  port: number;
  /** When the port is taken, try this many following ports before giving up (desktop: 20). */
  portAttempts?: number;
}

export interface RunningServer extends App {
  port: number;
  url: string;
  close(): Promise<void>;
}

const isAddressInUse = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'EADDRINUSE';

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const attempts = Math.max(1, options.portAttempts ?? 1);
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    const app = await createApp(options);
    const port = options.port === 0 ? 0 : options.port + i;
    try {
      await app.fastify.listen({ host: options.host, port });
    } catch (error) {
      await app.fastify.close();
      lastError = error;
      if (isAddressInUse(error) && port !== 0) continue;
      throw error;
    }
    const bound = (app.fastify.server.address() as AddressInfo).port;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    return {
      ...app,
      port: bound,
      url: `http://${host}:${bound}`,
      close: () => app.fastify.close(),
    };
  }
  throw lastError;
}
