// Many SSE clients in one thread, parsed cheaply: ids for order and exactly-once, timestamps on a few probes.
import { type ClientRequest, request } from 'node:http';

export interface ClientsOptions {
  port: number;
  token: string;
  count: number;
  /** Index of the first client (workers share one address plan). */
  offset: number;
  /** Loopback source addresses to spread clients over (the server caps streams per address). */
  perAddress: number;
  /** Every n-th client also measures delivery latency (needs the full payload parsed). */
  probeEvery: number;
  /** Id of the last event before the run: each client asks to resume after it. */
  startAfter: number;
}

export interface ClientsResult {
  received: number;
  /** Per client: events received, last id, reconnects. */
  perClient: { count: number; lastId: number; reconnects: number }[];
  problems: string[];
  /** Delivery latency samples (ms) from probe clients: receive time − the event's created_at. */
  latencies: number[];
}

interface Client {
  n: number;
  lastId: number;
  count: number;
  reconnects: number;
  probe: boolean;
  req: ClientRequest | null;
  tail: string;
}

const CREATED = /"created_at":"([^"]+)"/;

export class StreamClients {
  readonly #options: ClientsOptions;
  readonly #clients: Client[] = [];
  readonly problems: string[] = [];
  readonly latencies: number[] = [];
  #stopped = false;

  constructor(options: ClientsOptions) {
    this.#options = options;
    for (let n = options.offset; n < options.offset + options.count; n++) {
      const probe = n % options.probeEvery === 0;
      this.#clients.push({
        n,
        lastId: options.startAfter,
        count: 0,
        reconnects: 0,
        probe,
        req: null,
        tail: '',
      });
    }
  }

  /** Connects every client; resolves when all streams have answered 200. */
  async open(): Promise<void> {
    const batch = 100; // a burst of 1,000 SYNs at once can overflow the listen backlog
    for (let i = 0; i < this.#clients.length; i += batch) {
      await Promise.all(this.#clients.slice(i, i + batch).map((c) => this.#connect(c)));
    }
  }

  #connect(client: Client): Promise<void> {
    const { port, token, perAddress } = this.#options;
    const localAddress = `127.0.0.${2 + Math.floor(client.n / perAddress)}`;
    return new Promise((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port,
        localAddress,
        path: '/api/events/stream',
        agent: false,
        headers: { authorization: `Bearer ${token}`, 'last-event-id': String(client.lastId) },
      });
      client.req = req;
      req.on('error', (error) => (this.#stopped ? resolve() : reject(error)));
      req.on('response', (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`client ${client.n}: stream answered ${res.statusCode}`));
          return;
        }
        res.setEncoding(client.probe ? 'utf8' : 'latin1');
        res.on('data', (chunk: string) => this.#onData(client, chunk));
        res.on('error', () => {});
        // The server drops a client that falls too far behind; it comes back and resumes by replay.
        res.on('close', () => {
          if (this.#stopped) return;
          client.reconnects += 1;
          client.tail = '';
          this.#connect(client).catch((error: Error) => this.problems.push(error.message));
        });
        resolve();
      });
      req.end();
    });
  }

  #onData(client: Client, chunk: string): void {
    const text = client.tail + chunk;
    const now = Date.now();
    let start = 0;
    let end = text.indexOf('\n\n', start);
    while (end !== -1) {
      if (text.startsWith('id: ', start)) {
        const id = Number(text.slice(start + 4, text.indexOf('\n', start)));
        // Ids are consecutive here (one writer of valid creates), so anything else is a gap or a repeat.
        if (id !== client.lastId + 1) {
          this.problems.push(`client ${client.n}: id ${id} after ${client.lastId}`);
        }
        client.lastId = id;
        client.count += 1;
        if (client.probe) {
          const created = CREATED.exec(text.slice(start, end))?.[1];
          if (created) this.latencies.push(now - Date.parse(created));
        }
      }
      start = end + 2;
      end = text.indexOf('\n\n', start);
    }
    client.tail = text.slice(start);
  }

  get received(): number {
    return this.#clients.reduce((n, c) => n + c.count, 0);
  }

  lowestLastId(): number {
    return Math.min(...this.#clients.map((c) => c.lastId));
  }

  close(): ClientsResult {
    this.#stopped = true;
    for (const c of this.#clients) c.req?.destroy();
    return {
      received: this.received,
      perClient: this.#clients.map((c) => ({ count: c.count, lastId: c.lastId, reconnects: c.reconnects })),
      problems: this.problems,
      latencies: this.latencies,
    };
  }
}
