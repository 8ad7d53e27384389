// Webhooks (the server as a child process, receivers in this process on loopback): how soon an event
// reaches one receiver, how fast ten webhooks drain 1,000 events, and what ten webhooks cost the write
// path (task creates with 0 and with 10 webhooks, same run, same load).
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../src/core/core.ts';
import { type ChildServer, startServerChild } from '../lib/child.ts';
import { runLoad } from '../lib/load.ts';
import { RawConnection, requestBytes } from '../lib/raw-client.ts';
import { round, type Summary, sleep, summarize } from '../lib/stats.ts';

export interface WriteCost {
  webhooks: number;
  /** Creates/s on 1 connection and on 16. */
  oneConnection: { rps: number; latency: Summary };
  sixteenConnections: { rps: number; latency: Summary };
}

export interface WebhooksResult {
  rounds: number;
  /** Create sent → the event's request at the receiver, one webhook, ms. */
  toReceiver: Summary;
  /** The create's own round trip in the same rounds, ms. */
  createRoundTrip: Summary;
  /** 10 webhooks, `events` creates sent on 16 connections: until every receiver had every event. */
  drain: { webhooks: number; events: number; writeSeconds: number; seconds: number; eventsPerSecond: number };
  writeCost: WriteCost[];
  /**
   * The write's own path, in process: `creates` task creates in one synchronous loop (no delivery can
   * run in between: it starts only after the write's turn), µs per create, with 0 and 10 webhooks.
   */
  writePath: Array<{ webhooks: number; creates: number; usPerCreate: number }>;
}

interface Receiver {
  port: number;
  server: Server;
  /** Arrivals of task_created per path, by task title. */
  seen: Map<string, Map<string, number>>;
  waiters: Set<() => void>;
}

/** One receiver for every webhook (paths /h0, /h1 …): answers 204 at once, notes when each title arrived. */
async function receiver(): Promise<Receiver> {
  const r: Receiver = { port: 0, server: createServer(), seen: new Map(), waiters: new Set() };
  r.server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        type: string;
        data: { title?: string };
      };
      if (body.type === 'task_created' && body.data.title) {
        const path = req.url ?? '';
        const titles = r.seen.get(path) ?? new Map<string, number>();
        r.seen.set(path, titles);
        titles.set(body.data.title, at);
      }
      res.writeHead(204).end();
      for (const wake of r.waiters) wake();
    });
  });
  await new Promise<void>((resolve) => r.server.listen(0, '127.0.0.1', resolve));
  r.port = (r.server.address() as AddressInfo).port;
  return r;
}

const until = (r: Receiver, done: () => boolean, timeoutMs = 60_000) =>
  new Promise<void>((resolve, reject) => {
    if (done()) return resolve();
    const timer = setTimeout(() => reject(new Error('webhooks bench: deliveries did not arrive')), timeoutMs);
    const check = () => {
      if (!done()) return;
      clearTimeout(timer);
      r.waiters.delete(check);
      resolve();
    };
    r.waiters.add(check);
  });

/** Adds webhooks to port /h<from> … /h<to - 1> (task_created only); answers their ids. */
async function addWebhooks(mc: ChildServer, port: number, from: number, to: number): Promise<string[]> {
  const conn = await RawConnection.open(mc.port);
  const ids: string[] = [];
  for (let i = from; i < to; i++) {
    const body = JSON.stringify({ url: `http://127.0.0.1:${port}/h${i}`, events: ['task_created'] });
    const res = await conn.request(requestBytes('POST', '/api/webhooks', mc.port, mc.token, body));
    if (res.status !== 201) throw new Error(`webhook create answered ${res.status}: ${res.body}`);
    ids.push((JSON.parse(res.body) as { id: string }).id);
  }
  conn.close();
  return ids;
}

async function removeWebhooks(mc: ChildServer, ids: string[]): Promise<void> {
  const conn = await RawConnection.open(mc.port);
  for (const id of ids) await conn.request(requestBytes('DELETE', `/api/webhooks/${id}`, mc.port, mc.token));
  conn.close();
}

/** The receiver for the write-cost runs, in its own process (see bench/servers/sink.ts). */
function startSink(): Promise<{ port: number; stop(): void }> {
  const child = fork(fileURLToPath(new URL('../servers/sink.ts', import.meta.url)), [], {
    execPath: process.execPath,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`sink exited with ${code}`)));
    child.once('message', (m: { port: number }) =>
      resolve({
        port: m.port,
        stop: () => {
          child.removeAllListeners('exit');
          child.disconnect();
        },
      }),
    );
  });
}

const create = (mc: ChildServer, title: string) =>
  requestBytes('POST', '/api/tasks', mc.port, mc.token, JSON.stringify({ title }));

async function latency(mc: ChildServer, r: Receiver, rounds: number) {
  const conn = await RawConnection.open(mc.port);
  const toReceiver: number[] = [];
  const roundTrip: number[] = [];
  for (let i = 0; i < rounds + 5; i++) {
    const title = `lat ${i}`;
    const sent = performance.now();
    const res = await conn.request(create(mc, title));
    if (res.status !== 201) throw new Error(`create answered ${res.status}`);
    const answered = performance.now();
    await until(r, () => r.seen.get('/h0')?.has(title) ?? false, 10_000);
    if (i < 5) continue; // warm-up: connections, JIT
    roundTrip.push(answered - sent);
    toReceiver.push((r.seen.get('/h0')?.get(title) ?? Number.NaN) - sent);
    await sleep(2);
  }
  conn.close();
  return { toReceiver: summarize(toReceiver), createRoundTrip: summarize(roundTrip) };
}

async function drain(mc: ChildServer, r: Receiver, webhooks: number, events: number) {
  const conns = await Promise.all(Array.from({ length: 16 }, () => RawConnection.open(mc.port)));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    conns.map(async (conn) => {
      for (let i = next++; i < events; i = next++) {
        const res = await conn.request(create(mc, `drain ${i}`));
        if (res.status !== 201) throw new Error(`create answered ${res.status}`);
      }
    }),
  );
  const written = performance.now();
  const complete = () =>
    Array.from({ length: webhooks }, (_, i) => r.seen.get(`/h${i}`)?.size ?? 0).every((n) => n >= events);
  await until(r, complete);
  const seconds = (performance.now() - started) / 1000;
  for (const conn of conns) conn.close();
  return {
    webhooks,
    events,
    writeSeconds: round((written - started) / 1000, 3),
    seconds: round(seconds, 3),
    eventsPerSecond: round(events / seconds, 0),
  };
}

async function writeCost(mc: ChildServer, webhooks: number, durationMs: number): Promise<WriteCost> {
  const load = async (concurrency: number) => {
    const result = await runLoad({
      port: mc.port,
      concurrency,
      durationMs,
      warmupMs: 300,
      request: (c, i) => create(mc, `w ${concurrency} ${c} ${i}`),
      expectStatus: 201,
    });
    return { rps: result.rps, latency: result.latency };
  };
  return { webhooks, oneConnection: await load(1), sixteenConnections: await load(16) };
}

async function writePath(webhooks: number, creates: number, r: Receiver) {
  // 5 rounds of `creates`, the median round counts.
  const dir = mkdtempSync(join(tmpdir(), 'mc-bench-webhooks-'));
  const core = createCore({ dataDir: dir, sweep: false });
  try {
    for (let i = 0; i < webhooks; i++)
      core.webhooks.create({ url: `http://127.0.0.1:${r.port}/p${i}`, events: ['task_created'] });
    const samples: number[] = [];
    for (let round = 0; round < 5; round++) {
      // The same start for both: the attempts' rows written last round are checkpointed out of the WAL.
      core.db.pragma('wal_checkpoint(TRUNCATE)');
      const started = performance.now();
      for (let i = 0; i < creates; i++) core.tasks.create({ title: `path ${round} ${i}` });
      samples.push(((performance.now() - started) * 1000) / creates);
      // Let the deliveries of this round go out before the next one is timed.
      await core.webhooks.engine.idle();
    }
    samples.sort((a, b) => a - b);
    return { webhooks, creates, usPerCreate: round(samples[2] as number, 1) };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function webhooks(options: {
  rounds: number;
  events: number;
  writeMs: number;
  /** Creates per timed round of the in-process write path. */
  pathCreates: number;
}): Promise<WebhooksResult> {
  // One server: creates with no webhook, then with ten (to a receiver in its own process, so that the
  // load generator does not also receive), then one webhook here (latency), then ten (drain).
  const r = await receiver();
  const sink = await startSink();
  const mc = await startServerChild('mission-control');
  try {
    const none = await writeCost(mc, 0, options.writeMs);
    const sinks = await addWebhooks(mc, sink.port, 0, 10);
    const ten = await writeCost(mc, 10, options.writeMs);
    await removeWebhooks(mc, sinks);
    await addWebhooks(mc, r.port, 0, 1);
    const lat = await latency(mc, r, options.rounds);
    await addWebhooks(mc, r.port, 1, 10);
    const drained = await drain(mc, r, 10, options.events);
    const paths = [await writePath(0, options.pathCreates, r), await writePath(10, options.pathCreates, r)];
    return { rounds: options.rounds, ...lat, drain: drained, writeCost: [none, ten], writePath: paths };
  } finally {
    await mc.stop();
    sink.stop();
    r.server.close();
  }
}
