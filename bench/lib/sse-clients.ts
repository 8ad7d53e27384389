// Many raw SSE connections in one process, counting data frames, so a round can wait until every
// client has the event. Raw sockets keep the client's own cost low and equal for both servers.
import net from 'node:net';

const MARK = 'data: ';

interface Conn {
  socket: net.Socket;
  frames: number;
  ready: boolean;
  carry: string;
}

export class SseClients {
  readonly #conns: Conn[] = [];
  #target = 0;
  #remaining = 0;
  #onAll: (() => void) | null = null;

  /** Opens `count` streams and resolves when each has its headers and `retry:` line. */
  static async open(port: number, path: string, count: number, token?: string): Promise<SseClients> {
    const clients = new SseClients();
    const auth = token ? `Authorization: Bearer ${token}\r\n` : '';
    const request = `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${auth}Accept: text/event-stream\r\n\r\n`;
    let pending = count;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${count - pending}/${count} streams opened`)),
        30_000,
      );
      for (let i = 0; i < count; i++) {
        const conn: Conn = {
          socket: net.connect({ port, host: '127.0.0.1' }),
          frames: 0,
          ready: false,
          carry: '',
        };
        conn.socket.setNoDelay(true);
        conn.socket.on('connect', () => conn.socket.write(request));
        conn.socket.on('error', (error) => reject(error));
        conn.socket.on('data', (chunk) => {
          const text = conn.carry + chunk.toString('latin1');
          if (!conn.ready && text.includes('retry: ')) {
            conn.ready = true;
            if (--pending === 0) {
              clearTimeout(timer);
              resolve();
            }
          }
          let at = text.indexOf(MARK);
          while (at !== -1) {
            clients.#count(conn);
            at = text.indexOf(MARK, at + MARK.length);
          }
          // Shorter than MARK, so a frame split across reads is counted once.
          conn.carry = text.slice(-(MARK.length - 1));
        });
        clients.#conns.push(conn);
      }
    });
    return clients;
  }

  get size(): number {
    return this.#conns.length;
  }

  #count(conn: Conn): void {
    conn.frames += 1;
    if (conn.frames === this.#target && --this.#remaining === 0) this.#onAll?.();
  }

  /** Resolves when every connection has received its next frame (call before triggering it). */
  nextFrameEverywhere(timeoutMs = 10_000): Promise<void> {
    this.#target += 1;
    this.#remaining = this.#conns.filter((c) => c.frames < this.#target).length;
    if (this.#remaining === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`fan-out timed out (${this.#remaining} waiting)`)),
        timeoutMs,
      );
      this.#onAll = () => {
        clearTimeout(timer);
        this.#onAll = null;
        resolve();
      };
    });
  }

  close(): void {
    for (const conn of this.#conns) conn.socket.destroy();
    this.#conns.length = 0;
  }
}
