// Test helpers: a core in a fresh temp dir, a real server on port 0, and a raw SSE reader.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StreamEvent } from '../../shared/events.ts';
import { type Core, type CoreOptions, createCore } from '../core.ts';
import type { AppOptions } from '../http/app.ts';
import { type RunningServer, type ServerOptions, startServer } from '../server.ts';

export const TEST_TOKEN = 'test-token-0123456789';

/** Polls `predicate` every 10 ms until it holds; throws naming `what` after `timeoutMs`. */
export async function until(
  predicate: () => boolean,
  what = 'the condition',
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function tempDir(prefix = 'mc-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function testCore(options: Partial<CoreOptions> = {}) {
  const { dir, cleanup } = tempDir();
  const core = createCore({ dataDir: dir, ...options });
  return {
    core,
    dir,
    close() {
      core.close();
      cleanup();
    },
  };
}

export interface TestServer {
  core: Core;
  server: RunningServer;
  dataDir: string;
  url: string;
  /** fetch against the server with the token and JSON content type. */
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  close(options?: { keepData?: boolean }): Promise<void>;
}

export async function startTestServer(
  options: Partial<ServerOptions> & { dataDir?: string; coreOptions?: Partial<CoreOptions> } = {},
): Promise<TestServer> {
  const temp = options.dataDir ? undefined : tempDir();
  const dataDir = options.dataDir ?? (temp?.dir as string);
  const core = createCore({ dataDir, ...options.coreOptions });
  const server = await startServer({ token: TEST_TOKEN, ...options, core, host: '127.0.0.1', port: 0 });
  return {
    core,
    server,
    dataDir,
    url: server.url,
    api(path, init = {}) {
      const { json, headers, ...rest } = init;
      return fetch(`${server.url}${path}`, {
        ...rest,
        headers: {
          authorization: `Bearer ${TEST_TOKEN}`,
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
          ...(headers as Record<string, string>),
        },
        body: json === undefined ? rest.body : JSON.stringify(json),
      });
    },
    async close({ keepData = false } = {}) {
      await server.close();
      core.close();
      if (!keepData) temp?.cleanup();
    },
  };
}

export interface SseFrame {
  id: number | null;
  /** The `data:` JSON as sent: `{ type, payload }` (the id travels on the `id:` line). */
  data: Omit<StreamEvent, 'id'> | null;
  comment?: string;
  retry?: number;
}

/** A minimal SSE reader over fetch that keeps every frame, for assertions on the raw protocol. */
export class SseReader {
  readonly frames: SseFrame[] = [];
  readonly #controller = new AbortController();
  #waiters: Array<() => void> = [];
  response!: Response;
  closed = false;

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
    const reader = new SseReader();
    reader.response = await fetch(url, {
      headers: { authorization: `Bearer ${TEST_TOKEN}`, ...headers },
      signal: reader.#controller.signal,
    });
    if (reader.response.ok) void reader.#pump();
    return reader;
  }

  /** Data frames as events, with the id taken from their `id:` line. */
  get events(): StreamEvent[] {
    return this.frames.flatMap((f) => (f.data ? [{ ...f.data, id: f.id ?? Number.NaN } as StreamEvent] : []));
  }

  async #pump(): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of this.response.body as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          this.#parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted or reset: the test decides whether that was expected
    }
    this.closed = true;
    this.#notify();
  }

  #parse(block: string): void {
    const frame: SseFrame = { id: null, data: null };
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) frame.comment = line.slice(1).trim();
      else if (line.startsWith('id: ')) frame.id = Number(line.slice(4));
      else if (line.startsWith('data: ')) frame.data = JSON.parse(line.slice(6)) as Omit<StreamEvent, 'id'>;
      else if (line.startsWith('retry: ')) frame.retry = Number(line.slice(7));
    }
    this.frames.push(frame);
    this.#notify();
  }

  #notify(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves when `predicate` holds over the frames so far; rejects after `timeoutMs`. */
  async until(predicate: (reader: SseReader) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (this.closed)
        throw new Error(`stream closed before the condition held (${this.frames.length} frames)`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms with ${this.frames.length} frames`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  untilEvents(count: number, timeoutMs?: number): Promise<void> {
    return this.until((r) => r.events.length >= count, timeoutMs);
  }

  close(): void {
    this.#controller.abort();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: HTTP tests assert answers field by field
export type Json = any;

/** `[status, error code]` of an answer, for asserting refusals in one line. */
export const errorOf = (res: { status: number; body: Json }) => [res.status, res.body?.error?.code];

/** An app over a temp core for in-process requests (`fastify.inject`), no socket. */
export async function testApp(options: Partial<AppOptions> = {}) {
  const { createApp } = await import('../http/app.ts');
  const temp = testCore();
  const app = await createApp({ token: TEST_TOKEN, ...options, core: temp.core });
  const auth = { authorization: `Bearer ${TEST_TOKEN}` };
  /** An authenticated JSON request; answers status, parsed body and headers. */
  async function call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers = {},
  ) {
    const res = await app.fastify.inject({
      method,
      url,
      headers: {
        ...auth,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    return { status: res.statusCode, body: res.body ? res.json() : undefined, headers: res.headers };
  }
  return {
    core: temp.core,
    app: app.fastify,
    call,
    /** POSTs `body` and answers what was created; throws with the answer unless it is a 201. */
    async created(path: string, body: object): Promise<Json> {
      const res = await call('POST', path, body);
      if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async close() {
      await app.fastify.close();
      temp.close();
    },
  };
}
