// A lean keep-alive HTTP/1.1 client over node:net: one request in flight per socket and a minimal
// response parser, so the load generator costs far less CPU than the servers it measures.
import net from 'node:net';

export interface RawResponse {
  status: number;
  body: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');

export class RawConnection {
  readonly socket: net.Socket;
  #buffer: Buffer = Buffer.alloc(0);
  #pending: { resolve: (r: RawResponse) => void; reject: (e: Error) => void } | null = null;

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.#onData(chunk));
    const fail = (error: Error) => {
      this.#pending?.reject(error);
      this.#pending = null;
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
  }

  static open(port: number, host = '127.0.0.1'): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port, host }, () => {
        socket.off('error', reject);
        resolve(new RawConnection(socket));
      });
      socket.once('error', reject);
    });
  }

  /** Sends one complete request (see `requestBytes`) and resolves with the response. */
  request(bytes: string): Promise<RawResponse> {
    if (this.#pending) throw new Error('one request at a time per connection');
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.socket.write(bytes);
    });
  }

  #onData(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    const end = this.#buffer.indexOf(HEADER_END);
    if (end === -1) return;
    const head = this.#buffer.toString('latin1', 0, end);
    const match = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    const length = match ? Number(match[1]) : 0;
    if (this.#buffer.length < end + 4 + length) return;
    const status = Number(head.slice(9, 12));
    const body = this.#buffer.toString('utf8', end + 4, end + 4 + length);
    this.#buffer = this.#buffer.subarray(end + 4 + length);
    const pending = this.#pending;
    this.#pending = null;
    pending?.resolve({ status, body });
  }

  close(): void {
    this.socket.destroy();
  }
}

export function requestBytes(
  method: string,
  path: string,
  port: number,
  token: string | undefined,
  body?: string,
): string {
  const auth = token ? `Authorization: Bearer ${token}\r\n` : '';
  const payload = body ?? '';
  const type = body === undefined ? '' : 'Content-Type: application/json\r\n';
  return `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${auth}${type}Content-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`;
}
