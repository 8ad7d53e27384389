// The live event stream: replay after Last-Event-ID, then live fan-out of pre-serialised frames.
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { DomainEvent } from '../../shared/events.ts';
import type { EventBus } from '../events/bus.ts';
import type { EventLog } from '../events/log.ts';

export interface SseOptions {
  /** Keep-alive comment interval. */
  pingMs: number;
  /** What `retry:` tells EventSource to wait before reconnecting. */
  retryMs: number;
  /** A client whose unsent bytes pass this is disconnected; it recovers by replay. */
  maxBufferBytes: number;
  /** Events read from the log per step while replaying. */
  replayPage: number;
  /** Concurrent streams the owner token may hold (every local agent uses it): `serve --max-streams`. */
  maxOwnerStreams: number;
  /** Concurrent streams each device token may hold (one phone or laptop). */
  maxDeviceStreams: number;
  /** Concurrent streams in all, whoever holds them. */
  maxStreams: number;
}

export const DEFAULT_SSE: SseOptions = {
  pingMs: 30_000,
  retryMs: 2_000,
  maxBufferBytes: 1 << 20,
  replayPage: 500,
  maxOwnerStreams: 1_000,
  maxDeviceStreams: 32,
  maxStreams: 10_000,
};

/** The cap one more stream would pass: whose it is and how many that is. */
export interface StreamLimit {
  scope: 'owner' | 'device' | 'total';
  max: number;
}

interface Client {
  res: ServerResponse;
  /** Highest id written to this client; nothing at or below it is sent again. */
  lastSent: number;
  /** False while replaying from the log; live events are skipped then (the replay reads them). */
  live: boolean;
  /** Who opened it (a device id), so revoking that device can end its streams. */
  tag: string | null;
  /** Only the events this says yes to (`?agent_id=`: the agent's inbox rule); null: all of them. */
  filter: ((event: DomainEvent) => boolean) | null;
}

const frame = (id: number, type: string, payloadJson: string) =>
  `id: ${id}\ndata: {"type":${JSON.stringify(type)},"payload":${payloadJson}}\n\n`;

/** `text` as one HTTP/1.1 chunk (size, CRLF, data, CRLF), as `res.write` would frame it. */
function chunked(text: string): Buffer {
  const data = Buffer.from(text);
  return Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]);
}

/**
 * The socket a ready-made chunk may go to: the response is chunked, still open, and owns its socket
 * (a pipelined response has none until the one before it ends; an ended one may hand it on).
 */
function chunkSocket(res: ServerResponse): Socket | null {
  const { socket } = res;
  if (!res.chunkedEncoding || res.writableEnded || !socket || socket.destroyed || socket.writableEnded)
    return null;
  return socket;
}

export class SseHub {
  readonly #log: EventLog;
  readonly #options: SseOptions;
  readonly #clients = new Set<Client>();
  /** Streams of other kinds (session logs) counted, pinged and closed with these: response → tag. */
  readonly #adopted = new Map<ServerResponse, string | null>();
  /** Open streams per credential (a device id; null: the owner), counted until each one's `close`. */
  readonly #perTag = new Map<string | null, number>();
  #open = 0;
  readonly #unsubscribe: () => void;
  readonly #ping: NodeJS.Timeout;
  #pending: Array<{ id: number; text: string; event: DomainEvent }> = [];
  /** Clients dropped for falling too far behind, since start. */
  dropped = 0;

  constructor(log: EventLog, bus: EventBus, options: Partial<SseOptions> = {}) {
    this.#log = log;
    this.#options = { ...DEFAULT_SSE, ...options };
    this.#unsubscribe = bus.subscribe((event) => {
      this.#broadcast(event);
      // A revoked device loses its streams at once (after hearing why).
      if (event.type === 'device_revoked') this.closeWhere((tag) => tag === event.payload.id);
    });
    this.#ping = setInterval(() => this.#sendAll(': ping\n\n'), this.#options.pingMs);
    this.#ping.unref();
  }

  get size(): number {
    return this.#clients.size;
  }

  /**
   * The limit one more stream for `tag` (a device id; null: the owner token) would pass, or null
   * when it is admitted. Limits are per credential, not per address: every local agent shares
   * 127.0.0.1, while one device token cannot take every socket.
   */
  limitFor(tag: string | null): StreamLimit | null {
    const o = this.#options;
    if (this.#open >= o.maxStreams) return { scope: 'total', max: o.maxStreams };
    const max = tag === null ? o.maxOwnerStreams : o.maxDeviceStreams;
    if ((this.#perTag.get(tag) ?? 0) >= max) return { scope: tag === null ? 'owner' : 'device', max };
    return null;
  }

  /**
   * Starts a stream on `res`. With `lastEventId` it first replays every stored event after it;
   * without, it starts at the newest event. An id the log cannot continue from gets `reset`.
   */
  attach(
    res: ServerResponse,
    lastEventId: number | null,
    tag: string | null = null,
    filter: Client['filter'] = null,
  ): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.socket?.setNoDelay(true);
    res.write(`retry: ${this.#options.retryMs}\n\n`);
    const { oldest, latest } = this.#log.bounds();
    const client: Client = { res, lastSent: latest, live: true, tag, filter };
    this.#clients.add(client);
    this.#count(res, tag, () => this.#clients.delete(client));
    if (lastEventId === null) return;
    if (lastEventId > latest || lastEventId + 1 < oldest) {
      const reason = lastEventId > latest ? 'unknown event id' : 'event id older than the retained log';
      res.write(frame(latest, 'reset', JSON.stringify({ last_event_id: latest, reason })));
      return;
    }
    client.live = false;
    client.lastSent = lastEventId;
    this.#replay(client);
  }

  /** Counts a stream against the limits of `tag` until `res` closes. */
  #count(res: ServerResponse, tag: string | null, onClose: () => void): void {
    this.#open += 1;
    this.#perTag.set(tag, (this.#perTag.get(tag) ?? 0) + 1);
    res.on('close', () => {
      onClose();
      this.#open -= 1;
      const left = (this.#perTag.get(tag) ?? 1) - 1;
      if (left > 0) this.#perTag.set(tag, left);
      else this.#perTag.delete(tag);
    });
  }

  /**
   * Takes in a stream that another route writes (a session log): it counts against the same limits
   * (check `limitFor` first), gets the keep-alive comments, and is ended with a revoked device's
   * streams and on shutdown. Its route writes the head and every frame.
   */
  adopt(res: ServerResponse, tag: string | null): void {
    this.#adopted.set(res, tag);
    this.#count(res, tag, () => this.#adopted.delete(res));
  }

  #replay(client: Client): void {
    const { res } = client;
    while (!res.destroyed) {
      const rows = this.#log.rowsAfter(client.lastSent, this.#options.replayPage);
      const { filter } = client;
      for (const row of rows) {
        if (filter && !filter({ ...row, payload: JSON.parse(row.payload) } as unknown as DomainEvent))
          continue;
        res.write(frame(row.id, row.type, row.payload));
      }
      client.lastSent = rows.at(-1)?.id ?? client.lastSent;
      if (rows.length < this.#options.replayPage) {
        // Caught up within this tick: no write can commit between the read above and now.
        client.live = true;
        return;
      }
      if (res.writableLength > this.#options.maxBufferBytes) {
        res.once('drain', () => this.#replay(client));
        return;
      }
    }
  }

  /**
   * Frames wait until the code that published them is done (a microtask) and go out as one socket
   * write per client. A group commit publishes all its events in one go, so under load a thousand
   * streams cost a thousand writes per commit, not per event; when idle a batch is one event. Not
   * `setImmediate`: that waited for the next turn of the event loop, after the writer's own answer,
   * which cost the stream ~10 % of its latency at 50 clients (bench/report/analysis.md).
   */
  #broadcast(event: DomainEvent): void {
    if (this.#clients.size === 0) return;
    this.#pending.push({
      id: event.id,
      text: frame(event.id, event.type, JSON.stringify(event.payload)),
      event,
    });
    if (this.#pending.length === 1) queueMicrotask(this.#flush);
  }

  readonly #flush = (): void => {
    const batch = this.#pending;
    this.#pending = [];
    const first = batch[0];
    const last = batch.at(-1);
    if (!first || !last) return;
    const all = batch.length === 1 ? first.text : batch.map((f) => f.text).join('');
    let chunk: Buffer | undefined;
    for (const client of this.#clients) {
      if (!client.live || last.id <= client.lastSent) continue;
      if (client.res.writableLength > this.#options.maxBufferBytes) {
        this.dropped += 1;
        this.#clients.delete(client);
        client.res.destroy();
        continue;
      }
      // A client that caught up by replay during this turn already has the start of the batch.
      const { filter } = client;
      const text =
        first.id > client.lastSent && !filter
          ? all
          : batch
              .filter((f) => f.id > client.lastSent && (!filter || filter(f.event)))
              .map((f) => f.text)
              .join('');
      // The common case goes to the socket as one ready-made chunk, encoded once for all clients
      // (`res.write` would encode the text and frame the chunk again for each one: ~7 % of the
      // latency at 50 clients). HTTP/1.0 clients and filtered streams take `res.write`.
      const socket = text === all ? chunkSocket(client.res) : null;
      if (socket) {
        chunk ??= chunked(all);
        socket.write(chunk);
      } else if (text) client.res.write(text);
      client.lastSent = last.id;
    }
  };

  #sendAll(text: string): void {
    for (const client of this.#clients) if (client.live) client.res.write(text);
    for (const res of this.#adopted.keys()) res.write(text);
  }

  /** Ends the streams whose tag matches (a revoked device). */
  closeWhere(match: (tag: string | null) => boolean): number {
    let closed = 0;
    for (const client of this.#clients) {
      if (!match(client.tag)) continue;
      this.#clients.delete(client);
      client.res.end();
      closed += 1;
    }
    for (const [res, tag] of this.#adopted) {
      if (!match(tag)) continue;
      this.#adopted.delete(res);
      res.end();
      closed += 1;
    }
    return closed;
  }

  /** Ends every stream (server shutdown). */
  close(): void {
    this.#flush();
    clearInterval(this.#ping);
    this.#unsubscribe();
    for (const client of this.#clients) client.res.end();
    this.#clients.clear();
    for (const res of this.#adopted.keys()) res.end();
    this.#adopted.clear();
  }
}
