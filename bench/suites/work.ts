// The work loop's paths: claims per second with 8 workers (against creates at 8 connections on the
// same server, the write ceiling of this build), long-poll wake latency (against the create's own
// round trip), and what the sweeper costs with 10,000 leased tasks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../src/core/core.ts';
import { startServerChild } from '../lib/child.ts';
import { runLoad } from '../lib/load.ts';
import { RawConnection, requestBytes } from '../lib/raw-client.ts';
import { round, type Summary, summarize } from '../lib/stats.ts';

export interface WorkResult {
  workers: number;
  tasks: number;
  claimsPerSecond: number;
  /** Creates per second at the same concurrency on the same server: a claim is a write too. */
  createsPerSecond: number;
  /** claims/s ÷ creates/s. */
  claimRatio: number;
  /** Task created → the waiting claim's answer, ms. */
  wake: Summary;
  /** The create's own round trip in the same rounds, ms (the floor for `wake`). */
  createRoundTrip: Summary;
  sweeper: {
    leased: number;
    idleSweep: Summary;
    nextDue: Summary;
    expireAllMs: number;
    /** The longest single sweep (one transaction of at most EXPIRE_BATCH hand-backs). */
    longestBatchMs: number;
  };
}

const json = (body: unknown) => JSON.stringify(body);

async function claims(workers: number, tasks: number, rounds: number) {
  const mc = await startServerChild('mission-control');
  try {
    const setup = await RawConnection.open(mc.port);
    const post = async (path: string, body: unknown) => {
      const res = await setup.request(requestBytes('POST', path, mc.port, mc.token, json(body)));
      return { status: res.status, body: res.body ? (JSON.parse(res.body) as { id: string }) : null };
    };
    const agents: string[] = [];
    for (let w = 0; w < workers; w++)
      agents.push((await post('/api/agents', { name: `worker ${w}` })).body?.id ?? '');
    for (let i = 0; i < tasks; i++) await post('/api/tasks', { title: `work ${i}` });

    const conns = await Promise.all(agents.map(() => RawConnection.open(mc.port)));
    const started = performance.now();
    let claimed = 0;
    await Promise.all(
      conns.map(async (conn, w) => {
        const claim = requestBytes(
          'POST',
          '/api/work/claim',
          mc.port,
          mc.token,
          json({ agent_id: agents[w] }),
        );
        for (;;) {
          const res = await conn.request(claim);
          if (res.status === 204) return;
          if (res.status !== 200) throw new Error(`claim answered ${res.status}: ${res.body}`);
          claimed++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    for (const conn of conns) conn.close();
    if (claimed !== tasks) throw new Error(`claimed ${claimed} of ${tasks}`);
    const creates = await runLoad({
      port: mc.port,
      concurrency: workers,
      durationMs: Math.max(500, seconds * 1000),
      warmupMs: 200,
      request: (_c, i) =>
        requestBytes('POST', '/api/tasks', mc.port, mc.token, json({ title: `c ${i}`, status: 'done' })),
      expectStatus: 201,
    });

    // Long-poll wake: one claim waits, then a task is created; both times from the create's send.
    const waiter = await RawConnection.open(mc.port);
    const wake: number[] = [];
    const roundTrip: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const waiting = waiter.request(
        requestBytes('POST', '/api/work/claim', mc.port, mc.token, json({ agent_id: agents[0], wait_s: 10 })),
      );
      await new Promise((resolve) => setTimeout(resolve, 5));
      const sent = performance.now();
      const created = setup.request(
        requestBytes('POST', '/api/tasks', mc.port, mc.token, json({ title: `w ${r}` })),
      );
      const [answer] = await Promise.all([
        waiting.then((res) => ({ res, at: performance.now() })),
        created.then(() => roundTrip.push(performance.now() - sent)),
      ]);
      if (answer.res.status !== 200) throw new Error(`waiting claim answered ${answer.res.status}`);
      wake.push(answer.at - sent);
    }
    waiter.close();
    setup.close();
    return { claimsPerSecond: round(claimed / seconds, 0), createsPerSecond: creates.rps, wake, roundTrip };
  } finally {
    await mc.stop();
  }
}

/** 10,000 leased tasks in process: an idle sweep (nothing due), nextDue, then all of them expiring at once. */
function sweeperCost(leased: number, samples: number) {
  const dir = mkdtempSync(join(tmpdir(), 'mc-bench-sweeper-'));
  let now = Date.parse('2026-01-01T00:00:00.000Z');
  const core = createCore({ dataDir: dir, clock: { now: () => new Date(now).toISOString() }, sweep: false });
  try {
    const agent = core.agents.create({ name: 'holder' });
    core.db.transaction(() => {
      for (let i = 0; i < leased; i++) core.tasks.create({ title: `leased ${i}` });
    })();
    core.db.transaction(() => {
      for (let i = 0; i < leased; i++) core.leases.claim(agent.id, 600);
    })();
    const time = (fn: () => void) => {
      const out: number[] = [];
      for (let i = 0; i < samples; i++) {
        const t = performance.now();
        fn();
        out.push(performance.now() - t);
      }
      return summarize(out);
    };
    const idleSweep = time(() => core.sweeper.sweep());
    const nextDue = time(() => core.sweeper.nextDue());
    now += 601_000;
    const t = performance.now();
    // In batches, as the sweeper does (each one transaction); the longest batch is what stalls the loop.
    let expired = 0;
    let longestBatchMs = 0;
    for (let batch = 1; batch > 0; expired += batch) {
      const b = performance.now();
      batch = core.sweeper.sweep().expiredLeases;
      longestBatchMs = Math.max(longestBatchMs, performance.now() - b);
    }
    const expireAllMs = round(performance.now() - t, 1);
    if (expired !== leased) throw new Error(`expired ${expired} of ${leased}`);
    core.sweeper.stop();
    return { leased, idleSweep, nextDue, expireAllMs, longestBatchMs: round(longestBatchMs, 1) };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function work(options: { workers: number; tasks: number; rounds: number; leased: number }) {
  const c = await claims(options.workers, options.tasks, options.rounds);
  const sweeper = sweeperCost(options.leased, 50);
  const result: WorkResult = {
    workers: options.workers,
    tasks: options.tasks,
    claimsPerSecond: c.claimsPerSecond,
    createsPerSecond: c.createsPerSecond,
    claimRatio: round(c.claimsPerSecond / c.createsPerSecond, 2),
    wake: summarize(c.wake),
    createRoundTrip: summarize(c.roundTrip),
    sweeper,
  };
  console.log(
    `  claims: ${result.claimsPerSecond}/s with ${options.workers} workers (creates ${result.createsPerSecond}/s, ` +
      `ratio ${result.claimRatio}); long-poll wake p50 ${result.wake.p50} ms p99 ${result.wake.p99} ms ` +
      `(create round trip p50 ${result.createRoundTrip.p50} ms); sweeper with ${sweeper.leased} leases: idle sweep ` +
      `p50 ${sweeper.idleSweep.p50} ms, expire all ${sweeper.expireAllMs} ms (longest batch ${sweeper.longestBatchMs} ms)`,
  );
  return result;
}
