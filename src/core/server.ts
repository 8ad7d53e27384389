// Starts the HTTP app on a port (optionally the next free one) and stops everything in order.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type App, type AppOptions, createApp } from './http/app.ts';
import { lanAddresses, lanHostNames, urlHost } from './network.ts';
import type { LanSwitch } from './remote/remote.ts';

export interface ServerOptions extends AppOptions {
  host: string;
  port: number;
  /** When the port is taken, try this many following ports before giving up (desktop: 20). */
  portAttempts?: number;
  /** Addresses "allow other devices" listens on; default every LAN address (tests pass 127.0.0.2). */
  lanAddresses?: readonly string[];
}

export interface RunningServer extends App {
  port: number;
  url: string;
  /** The opt-in listener for other devices: same app, same port, on the LAN addresses. */
  lan: LanSwitch;
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
    const lan = createLanSwitch(app, bound);
    app.remote.attach({ lan, host: options.host, port: bound, addresses: options.lanAddresses });
    // A webhook pointing at this server would feed its own log back to itself: refused (422).
    options.core.webhooks.serving({ host: options.host, port: bound });
    return {
      ...app,
      port: bound,
      url: `http://${host}:${bound}`,
      lan,
      close: async () => {
        await lan.disable();
        await app.fastify.close();
      },
    };
  }
  throw lastError;
}

function createLanSwitch(app: App, port: number): LanSwitch {
  let servers: Server[] = [];
  let sockets = new Set<Socket>();
  let hosts: string[] = [];
  let urls: string[] = [];
  return {
    get enabled() {
      return servers.length > 0;
    },
    get urls() {
      return urls;
    },
    async enable(addresses = lanAddresses().map((a) => a.address)) {
      if (servers.length > 0) return urls;
      const started: Server[] = [];
      try {
        for (const address of addresses) {
          const server = createServer(app.handler);
          server.on('connection', (socket: Socket) => {
            sockets.add(socket);
            socket.on('close', () => sockets.delete(socket));
          });
          await new Promise<void>((resolve, reject) => {
            server.once('error', reject);
            server.listen(port, address, () => resolve());
          });
          started.push(server);
        }
      } catch (error) {
        for (const server of started) server.close();
        throw error;
      }
      servers = started;
      // Remember only the names this switch added, so turning it off keeps configured ones.
      const names = lanHostNames(addresses.map((address) => ({ address, family: 'IPv4', interface: '' })));
      hosts = names.filter((name) => !app.allowedHosts.has(name));
      for (const name of hosts) app.allowedHosts.add(name);
      urls = addresses.map((address) => `http://${urlHost(address)}:${port}`);
      return urls;
    },
    async disable() {
      if (servers.length === 0) return;
      const closing = servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())));
      for (const socket of sockets) socket.destroy();
      for (const name of hosts) app.allowedHosts.delete(name);
      servers = [];
      sockets = new Set();
      hosts = [];
      urls = [];
      await Promise.all(closing);
    },
  };
}
