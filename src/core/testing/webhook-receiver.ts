// A real webhook receiver on loopback for tests: records every request (headers and raw body) and
// answers as the test scripts it (status, delay, redirect, a large body).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: the parsed body, asserted field by field
  json: any;
}

export interface Answer {
  status?: number;
  delayMs?: number;
  /** Sent as the answer body. */
  body?: string | Buffer;
  headers?: Record<string, string>;
}

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** The requests it answered with a 2xx, in order. */
  accepted: Received[];
  /** Decides each answer (the n-th request, from 0); default 200. */
  answer: (request: Received, n: number) => Answer;
  /** Resolves once `predicate` holds (checked after every request). */
  until(predicate: (r: Receiver) => boolean, timeoutMs?: number): Promise<void>;
  /** Verifies every request's signature with the standardwebhooks package; throws on the first bad one. */
  verifyAll(secret: string): void;
  close(): Promise<void>;
}

export async function startReceiver(port = 0): Promise<Receiver> {
  const waiters = new Set<() => void>();
  const receiver = {
    received: [] as Received[],
    accepted: [] as Received[],
    answer: (() => ({})) as Receiver['answer'],
  } as Receiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request: Received = { headers: req.headers, body, json: body ? JSON.parse(body) : null };
      const n = receiver.received.length;
      receiver.received.push(request);
      const answer = receiver.answer(request, n);
      const status = answer.status ?? 200;
      const send = () => {
        // A sender that gave up (timeout, close) never sees this answer: not accepted.
        if (status >= 200 && status < 300 && !req.socket.destroyed) receiver.accepted.push(request);
        res.writeHead(status, answer.headers ?? {});
        res.end(answer.body ?? '');
        for (const wake of waiters) wake();
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  receiver.port = bound;
  receiver.url = `http://127.0.0.1:${bound}/hook`;
  receiver.until = (predicate, timeoutMs = 5000) =>
    new Promise<void>((resolve, reject) => {
      if (predicate(receiver)) return resolve();
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(`receiver: condition not met in ${timeoutMs} ms (${receiver.received.length} requests)`),
        );
      }, timeoutMs);
      const check = () => {
        if (!predicate(receiver)) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
    });
  receiver.verifyAll = (secret) => {
    const wh = new Webhook(secret);
    for (const r of receiver.received) wh.verify(r.body, r.headers as Record<string, string>);
  };
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
