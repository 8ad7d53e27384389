// An SSE reader that survives server restarts: it reconnects with Last-Event-ID and records every frame.
import { type ClientRequest, request } from 'node:http';

export interface SeenEvent {
  id: number;
  type: string;
  /** The entity id in the payload, to match the event against the database later. */
  entity: string | null;
}

export class Follower {
  readonly seen: SeenEvent[] = [];
  /** Problems seen on the wire: duplicates, ids going backwards, reset events. */
  readonly problems: string[] = [];
  lastId: number;
  connects = 0;
  #req: ClientRequest | null = null;
  #onEvent: ((event: SeenEvent) => void) | undefined;

  readonly token: string;

  constructor(token: string, startAfter = 0, onEvent?: (event: SeenEvent) => void) {
    this.token = token;
    this.lastId = startAfter;
    this.#onEvent = onEvent;
  }

  /** Follows the server on `port` until it goes away; resolves when the stream has started. */
  connect(port: number): Promise<void> {
    this.disconnect();
    this.connects += 1;
    return new Promise((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port,
        path: '/api/events/stream',
        agent: false,
        headers: { authorization: `Bearer ${this.token}`, 'last-event-id': String(this.lastId) },
      });
      this.#req = req;
      req.on('error', (error) => reject(error));
      req.on('response', (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`stream answered ${res.statusCode}`));
          res.resume();
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            this.#frame(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
          }
        });
        res.on('error', () => {});
        resolve();
      });
      req.end();
    });
  }

  #frame(block: string): void {
    let id: number | null = null;
    let data: string | null = null;
    for (const line of block.split('\n')) {
      if (line.startsWith('id: ')) id = Number(line.slice(4));
      else if (line.startsWith('data: ')) data = line.slice(6);
    }
    if (id === null || data === null) return;
    const parsed = JSON.parse(data) as { type: string; payload: { id?: string } };
    if (parsed.type === 'reset') {
      this.problems.push(`reset at ${id}`);
      return;
    }
    if (id <= this.lastId) this.problems.push(`id ${id} after ${this.lastId} (duplicate or out of order)`);
    const event = { id, type: parsed.type, entity: parsed.payload.id ?? null };
    this.seen.push(event);
    this.lastId = Math.max(this.lastId, id);
    this.#onEvent?.(event);
  }

  disconnect(): void {
    this.#req?.destroy();
    this.#req = null;
  }
}
