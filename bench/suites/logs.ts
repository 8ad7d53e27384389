// Session logs: how many lines per second the server takes in batches of 100 over HTTP (one
// connection, then four on four sessions), next to a task create's rate on the same connection; and
// how soon a line appended reaches a follower of the log stream (the viewer's SSE), next to the
// append's own round trip.
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { startServerChild } from '../lib/child.ts';
import { RawConnection, requestBytes } from '../lib/raw-client.ts';
import { type Summary, summarize } from '../lib/stats.ts';

export interface LogAppendRow {
  connections: number;
  batches: number;
  /** Lines per request. */
  batchLines: number;
  linesPerSecond: number;
  /** One batch's round trip, ms. */
  batch: Summary;
}

export interface LogsResult {
  append: LogAppendRow[];
  /** Task creates per second on one connection, in the same run (a plain write's rate). */
  createsPerSecond: number;
  rounds: number;
  /** Append sent → the line's frame on the log stream, ms. */
  toViewer: Summary;
  /** The one-line append's own round trip in the same rounds, ms. */
  appendRoundTrip: Summary;
}

const BATCH = 100;
/** A typical build-output line (~80 bytes). */
const lineText = (i: number) =>
  `[${String(i).padStart(7, '0')}] compiling src/module-${i % 97}.ts … ok (${i % 13} ms)`;

/** A raw SSE reader of one log stream: resolves `seen(seq)` when the frame with that id arrives. */
class LogFollower {
  readonly socket: net.Socket;
  #carry = '';
  #waiters = new Map<number, () => void>();
  #last = 0;
  constructor(port: number, path: string, token: string, ready: () => void) {
    this.socket = net.connect({ port, host: '127.0.0.1' });
    this.socket.setNoDelay(true);
    this.socket.on('connect', () =>
      this.socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\nAccept: text/event-stream\r\n\r\n`,
      ),
    );
    let started = false;
    this.socket.on('data', (chunk) => {
      const text = this.#carry + chunk.toString('utf8');
      if (!started && text.includes('retry: ')) {
        started = true;
        ready();
      }
      const frames = text.split('\n\n');
      this.#carry = frames.pop() ?? '';
      for (const frame of frames) {
        const id = /(?:^|\n)id: (\d+)/.exec(frame)?.[1];
        if (id === undefined) continue;
        this.#last = Number(id);
        const wake = this.#waiters.get(this.#last);
        if (wake) {
          this.#waiters.delete(this.#last);
          wake();
        }
      }
    });
  }
  seen(seq: number): Promise<void> {
    if (this.#last >= seq) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`line ${seq} never reached the follower`)), 10_000);
      this.#waiters.set(seq, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  close() {
    this.socket.destroy();
  }
}

export async function logs(options: { batches: number; rounds: number }): Promise<LogsResult> {
  const mc = await startServerChild('mission-control');
  try {
    const send = async (conn: RawConnection, method: string, path: string, body?: unknown) => {
      const res = await conn.request(
        requestBytes(method, path, mc.port, mc.token, body === undefined ? undefined : JSON.stringify(body)),
      );
      if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${res.body}`);
      return JSON.parse(res.body);
    };
    // Reopened per phase: a connection left idle while another phase runs is closed by the
    // server's keep-alive timeout.
    let setup = await RawConnection.open(mc.port);
    const reopen = async () => {
      setup.close();
      setup = await RawConnection.open(mc.port);
    };
    const task = await send(setup, 'POST', '/api/tasks', { title: 'logs bench' });
    const session = async (name: string) =>
      (await send(setup, 'POST', `/api/tasks/${task.id}/subagent`, { openclaw_session_id: name }))
        .id as string;

    const appendRun = async (connections: number): Promise<LogAppendRow> => {
      await reopen();
      const conns = await Promise.all(Array.from({ length: connections }, () => RawConnection.open(mc.port)));
      const ids: string[] = [];
      for (let i = 0; i < connections; i++) ids.push(await session(`bench-${connections}-${i}`));
      const batch: number[] = [];
      const per = Math.ceil(options.batches / connections);
      const started = performance.now();
      await Promise.all(
        conns.map(async (conn, c) => {
          for (let b = 0; b < per; b++) {
            const lines = Array.from({ length: BATCH }, (_, i) => ({ text: lineText(b * BATCH + i) }));
            const t = performance.now();
            await send(conn, 'POST', `/api/openclaw/sessions/${ids[c]}/logs`, { lines });
            batch.push(performance.now() - t);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      for (const conn of conns) conn.close();
      return {
        connections,
        batches: per * connections,
        batchLines: BATCH,
        linesPerSecond: Math.round((per * connections * BATCH) / seconds),
        batch: summarize(batch),
      };
    };
    const append = [await appendRun(1), await appendRun(4)];

    await reopen();
    const creates = Math.max(100, Math.round(options.batches / 2));
    const c0 = performance.now();
    for (let i = 0; i < creates; i++) await send(setup, 'POST', '/api/tasks', { title: `plain ${i}` });
    const createsPerSecond = Math.round(creates / ((performance.now() - c0) / 1000));

    // Line → viewer: one follower on the log stream (no replay), one line per round.
    const followed = await session('bench-follow');
    let follower: LogFollower | undefined;
    await new Promise<void>((ready) => {
      follower = new LogFollower(
        mc.port,
        `/api/openclaw/sessions/${followed}/logs/stream?tail=0`,
        mc.token,
        ready,
      );
    });
    const toViewer: number[] = [];
    const appendRoundTrip: number[] = [];
    for (let r = 1; r <= options.rounds; r++) {
      const seen = follower?.seen(r) as Promise<void>;
      const t = performance.now();
      const answered = send(setup, 'POST', `/api/openclaw/sessions/${followed}/logs`, {
        lines: [{ text: lineText(r) }],
      }).then(() => appendRoundTrip.push(performance.now() - t));
      await seen;
      toViewer.push(performance.now() - t);
      await answered;
    }
    follower?.close();
    setup.close();
    const result: LogsResult = {
      append,
      createsPerSecond,
      rounds: options.rounds,
      toViewer: summarize(toViewer),
      appendRoundTrip: summarize(appendRoundTrip),
    };
    console.log(
      `  log append ${append.map((a) => `${a.linesPerSecond.toLocaleString('en-US')} lines/s at ${a.connections} conn`).join(', ')} ` +
        `(batches of ${BATCH}; task creates ${createsPerSecond}/s on 1 conn); line → viewer p50 ${result.toViewer.p50} ms ` +
        `p99 ${result.toViewer.p99} ms (append round trip p50 ${result.appendRoundTrip.p50} ms p99 ${result.appendRoundTrip.p99} ms)`,
    );
    return result;
  } finally {
    await mc.stop();
  }
}
