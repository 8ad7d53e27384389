// Load run: N stream clients and a steady write rate against the real server process; measures delivery.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { startServerProcess } from '../crash/server-process.ts';
import { type ClientsOptions, type ClientsResult, StreamClients } from './stream-clients.ts';

export interface LoadOptions {
  clients: number;
  /** Writes per second (task creations over HTTP). */
  rate: number;
  seconds: number;
  /** Worker threads for the clients; 0 keeps them on the main thread. */
  workers: number;
  log?: (line: string) => void;
}

export interface LoadReport {
  clients: number;
  targetRate: number;
  seconds: number;
  writes: number;
  failedWrites: number;
  achievedRate: number;
  expected: number;
  delivered: number;
  exact: boolean;
  clientsComplete: number;
  reconnects: number;
  problems: string[];
  latencyMs: { p50: number; p95: number; p99: number; max: number; samples: number };
  writeLatencyMs: { p50: number; p99: number };
  catchUpMs: number;
  server: { peakRssMb: number; meanCpuPct: number; peakCpuPct: number };
}

const TOKEN = 'load-test-token-0123456789';
const PER_ADDRESS = 30; // under the server's default cap of 32 streams per address

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number);

interface Group {
  ready: Promise<void>;
  lowest(): Promise<number>;
  stop(): Promise<ClientsResult>;
}

function inProcess(options: ClientsOptions): Group {
  const clients = new StreamClients(options);
  return {
    ready: clients.open(),
    lowest: async () => clients.lowestLastId(),
    stop: async () => clients.close(),
  };
}

function inWorker(options: ClientsOptions): Group {
  const worker = new Worker(new URL('./client-worker.ts', import.meta.url), { workerData: options });
  const next = (key: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>) => {
        if (message.error) reject(new Error(String(message.error)));
        if (!(key in message)) return;
        worker.off('message', onMessage);
        resolve(message);
      };
      worker.on('message', onMessage);
    });
  return {
    ready: next('ready').then(() => {}),
    async lowest() {
      const reply = next('progress');
      worker.postMessage('progress');
      return ((await reply).progress as { lowest: number }).lowest;
    },
    async stop() {
      const reply = next('result');
      worker.postMessage('stop');
      return (await reply).result as ClientsResult;
    },
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? (() => {});
  const dataDir = mkdtempSync(join(tmpdir(), 'mc-load-'));
  const server = await startServerProcess(dataDir, TOKEN);
  const auth = { authorization: `Bearer ${TOKEN}` };
  try {
    const groups: Group[] = [];
    const shares = Math.max(1, options.workers);
    for (let g = 0; g < shares; g++) {
      const offset = Math.floor((options.clients * g) / shares);
      const count = Math.floor((options.clients * (g + 1)) / shares) - offset;
      const share = {
        port: server.port,
        token: TOKEN,
        count,
        offset,
        perAddress: PER_ADDRESS,
        probeEvery: 20,
        startAfter: 0,
      };
      groups.push(options.workers === 0 ? inProcess(share) : inWorker(share));
    }
    await Promise.all(groups.map((g) => g.ready));
    log(`${options.clients} clients connected; writing ${options.rate}/s for ${options.seconds} s`);

    const writeLatencies: number[] = [];
    let failedWrites = 0;
    let writes = 0;
    const inFlight = new Set<Promise<void>>();
    // A keep-alive pool, as an agent fleet would use; fetch opened a socket per in-flight request.
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    const write = (i: number) => {
      const started = performance.now();
      const body = JSON.stringify({ title: `load ${i}`, priority: 'normal' });
      const p = new Promise<void>((resolve) => {
        const req = request(
          `${server.url}/api/tasks`,
          { method: 'POST', agent, headers: { ...auth, 'content-type': 'application/json' } },
          (res) => {
            res.resume();
            res.on('end', () => {
              if (res.statusCode === 201) writeLatencies.push(performance.now() - started);
              else failedWrites += 1;
              resolve();
            });
          },
        );
        req.on('error', () => {
          failedWrites += 1;
          resolve();
        });
        req.end(body);
      }).finally(() => inFlight.delete(p));
      inFlight.add(p);
    };

    // Paced by wall clock: each 10 ms tick sends what the schedule owes, bounded in flight.
    const cpu = { last: server.usage(), lastAt: Date.now(), samples: [] as number[], peakRss: 0 };
    const started = Date.now();
    const end = started + options.seconds * 1000;
    let nextSample = started + 1000;
    while (Date.now() < end) {
      const owed = Math.floor(((Date.now() - started) / 1000) * options.rate) - writes;
      for (let i = 0; i < owed && inFlight.size < 2000; i++) write(writes++);
      if (Date.now() >= nextSample) {
        const now = server.usage();
        cpu.samples.push(((now.cpuMs - cpu.last.cpuMs) / (Date.now() - cpu.lastAt)) * 100);
        cpu.peakRss = Math.max(cpu.peakRss, now.rssKb);
        cpu.last = now;
        cpu.lastAt = Date.now();
        nextSample += 1000;
        if (cpu.samples.length % 10 === 0)
          log(
            `${cpu.samples.length} s: ${writes} writes, server CPU ${cpu.samples.at(-1)?.toFixed(0)} %, RSS ${(now.rssKb / 1024).toFixed(0)} MB`,
          );
      }
      await sleep(10);
    }
    await Promise.all(inFlight);
    agent.destroy();
    const elapsed = (Date.now() - started) / 1000;
    const snapshot = await fetch(`${server.url}/api/snapshot`, { headers: auth }).then((r) => r.json());
    const finalId = (snapshot as { last_event_id: number }).last_event_id;

    const catchUpStarted = Date.now();
    while ((await Promise.all(groups.map((g) => g.lowest()))).some((id) => id < finalId)) {
      if (Date.now() - catchUpStarted > 120_000) break;
      await sleep(100);
      cpu.peakRss = Math.max(cpu.peakRss, server.usage().rssKb);
    }
    const catchUpMs = Date.now() - catchUpStarted;
    const results = await Promise.all(groups.map((g) => g.stop()));
    const perClient = results.flatMap((r) => r.perClient);
    const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
    writeLatencies.sort((a, b) => a - b);
    const complete = perClient.filter((c) => c.count === finalId && c.lastId === finalId).length;
    const problems = results.flatMap((r) => r.problems);
    return {
      clients: options.clients,
      targetRate: options.rate,
      seconds: options.seconds,
      writes,
      failedWrites,
      achievedRate: Math.round((writes - failedWrites) / elapsed),
      expected: finalId * options.clients,
      delivered: perClient.reduce((n, c) => n + c.count, 0),
      exact: complete === options.clients && problems.length === 0,
      clientsComplete: complete,
      reconnects: perClient.reduce((n, c) => n + c.reconnects, 0),
      problems: problems.slice(0, 20),
      latencyMs: {
        p50: quantile(latencies, 0.5),
        p95: quantile(latencies, 0.95),
        p99: quantile(latencies, 0.99),
        max: latencies.at(-1) ?? 0,
        samples: latencies.length,
      },
      writeLatencyMs: {
        p50: +quantile(writeLatencies, 0.5).toFixed(1),
        p99: +quantile(writeLatencies, 0.99).toFixed(1),
      },
      catchUpMs,
      server: {
        peakRssMb: Math.round(cpu.peakRss / 1024),
        meanCpuPct: Math.round(cpu.samples.reduce((a, b) => a + b, 0) / Math.max(1, cpu.samples.length)),
        peakCpuPct: Math.round(Math.max(0, ...cpu.samples)),
      },
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
