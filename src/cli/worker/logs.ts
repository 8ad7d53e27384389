// Ships a command's output to its session log while `run` passes it through: split into lines,
// batched (a batch leaves at most DELAY_MS after its first line, or at once when full), one request
// at a time so the server numbers lines in the order they came, everything flushed before the end.
import { setTimeout as sleep } from 'node:timers/promises';
import { LOG_LIMITS, type LogLineInput, type LogStream } from '../../shared/logs.ts';
import { type ApiClient, ApiError, ConnectionError } from '../client.ts';
import { LineSplitter } from './lines.ts';
import type { Reporter } from './report.ts';

const DELAY_MS = 50;
/** Lines held while the server cannot be reached; beyond, the oldest are dropped (and counted). */
const MAX_QUEUED = 100_000;
const RETRIES = 5;

export interface LogShipper {
  /** A chunk of the command's output. */
  write(stream: 'stdout' | 'stderr', chunk: Buffer): void;
  /** A line of `run`'s own (what it started, how it ended). */
  info(text: string): void;
  /** Ships what is left (a last partial line too); resolves when the server has it or gave up. */
  close(): Promise<void>;
}

export function startLogShipper(options: {
  api: ApiClient;
  sessionId: string;
  report: Reporter;
  delayMs?: number;
}): LogShipper {
  const { api, sessionId, report } = options;
  const delayMs = options.delayMs ?? DELAY_MS;
  const splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() };
  let queue: LogLineInput[] = [];
  let timer: NodeJS.Timeout | undefined;
  let sending: Promise<void> | null = null;
  let dropped = 0;
  let refused = false;

  const warn = (message: string) =>
    report(
      'warning',
      { what: 'ship output', message },
      `could not ship output to the session log: ${message}`,
    );

  function add(stream: LogStream, texts: string[]): void {
    if (refused || texts.length === 0) return;
    const at = new Date().toISOString();
    for (const text of texts) queue.push({ text, stream, at });
    if (queue.length > MAX_QUEUED) {
      const over = queue.length - MAX_QUEUED;
      queue.splice(0, over);
      dropped += over;
    }
    schedule();
  }

  function schedule(): void {
    if (sending) return; // the running pump takes them next
    if (queue.length >= LOG_LIMITS.batchLines) {
      void pump();
      return;
    }
    timer ??= setTimeout(() => {
      timer = undefined;
      void pump();
    }, delayMs);
  }

  function pump(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    sending ??= (async () => {
      while (queue.length > 0 && !refused) {
        if (dropped > 0) {
          queue.unshift({ text: `[${dropped} lines dropped: the server was out of reach]`, stream: 'info' });
          dropped = 0;
        }
        await send(queue.splice(0, LOG_LIMITS.batchLines));
      }
    })().finally(() => {
      sending = null;
      if (queue.length > 0 && !refused) schedule();
    });
    return sending;
  }

  async function send(lines: LogLineInput[]): Promise<void> {
    for (let attempt = 0, backoff = 200; ; attempt++, backoff *= 2) {
      try {
        await api.call('logs.append', { id: sessionId, lines });
        return;
      } catch (error) {
        if (error instanceof ApiError) {
          // The session ended long ago (or is gone): nothing more will be taken.
          if (error.status === 409 || error.status === 404) {
            refused = true;
            queue = [];
          }
          warn(error.message);
          return;
        }
        if (!(error instanceof ConnectionError)) throw error;
        if (attempt >= RETRIES) {
          dropped += lines.length;
          warn(`${error.message}; ${lines.length} lines dropped`);
          return;
        }
        await sleep(backoff);
      }
    }
  }

  return {
    write(stream, chunk) {
      add(stream, splitters[stream].push(chunk));
    },
    info(text) {
      add('info', [text]);
    },
    async close() {
      add('stdout', splitters.stdout.end());
      add('stderr', splitters.stderr.end());
      while (sending || (queue.length > 0 && !refused)) await pump();
    },
  };
}
