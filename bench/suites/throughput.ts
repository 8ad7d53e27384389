// Write throughput: create task, log activity, patch task at several concurrencies, each against
// two ceilings measured just before and after it (each ceiling is their mean): a bare node:http
// JSON echo, and a bare durable writer (servers/durable.ts: the task and event rows, one
// transaction per turn). Repeated, and reported as medians: the shared machine's speed swings.
import { startServerChild } from '../lib/child.ts';
import { type LoadOptions, type LoadResult, runLoad } from '../lib/load.ts';
import { RawConnection, requestBytes } from '../lib/raw-client.ts';
import { median, round } from '../lib/stats.ts';

const pct = (ratio: number) => `${Math.round(ratio * 100)} %`;

export const WRITE_OPS = ['create task', 'log activity', 'patch task'] as const;
export type WriteOp = (typeof WRITE_OPS)[number];

export interface ThroughputRow {
  op: WriteOp;
  concurrency: number;
  rps: number;
  ceilingRps: number;
  /** rps ÷ ceiling (1 = as fast as the bare echo). */
  ratio: number;
  /** The bare durable writer's creates per second in the same repeats (absent in older runs). */
  durableRps?: number;
  /** rps ÷ the durable writer (1 = as fast as it); a like-for-like figure for create task. */
  durableRatio?: number;
  p50Ms: number;
  p99Ms: number;
  /** How many repeats the medians are over. */
  runs: number;
}

export async function throughput(concurrencies: readonly number[], durationMs: number, repeats = 1) {
  const mc = await startServerChild('mission-control');
  const bare = await startServerChild('bare');
  const durable = await startServerChild('durable');
  const rows: ThroughputRow[] = [];
  try {
    // One task per connection for activities and patches, so requests never wait on each other.
    const setup = await RawConnection.open(mc.port);
    const taskIds: string[] = [];
    for (let i = 0; i < Math.max(...concurrencies); i++) {
      const res = await setup.request(
        requestBytes('POST', '/api/tasks', mc.port, mc.token, JSON.stringify({ title: `target ${i}` })),
      );
      taskIds.push((JSON.parse(res.body) as { id: string }).id);
    }
    setup.close();
    const task = (c: number) => taskIds[c] as string;
    const mcRequest: Record<WriteOp, (c: number, i: number) => string> = {
      'create task': (_c, i) =>
        requestBytes('POST', '/api/tasks', mc.port, mc.token, JSON.stringify({ title: `bench task ${i}` })),
      'log activity': (c, i) =>
        requestBytes(
          'POST',
          `/api/tasks/${task(c)}/activities`,
          mc.port,
          mc.token,
          JSON.stringify({ activity_type: 'updated', message: `progress ${i}` }),
        ),
      'patch task': (c, i) =>
        requestBytes(
          'PATCH',
          `/api/tasks/${task(c)}`,
          mc.port,
          mc.token,
          JSON.stringify({ title: `renamed ${i}` }),
        ),
    };
    const expect: Record<WriteOp, number> = { 'create task': 201, 'log activity': 201, 'patch task': 200 };
    /** A closed-loop run against one server; `ms` defaults to the suite's duration. */
    const load =
      (port: number, expectStatus: number, request: LoadOptions['request']) =>
      (concurrency: number, ms = durationMs) =>
        runLoad({
          port,
          concurrency,
          durationMs: ms,
          warmupMs: Math.min(500, ms / 4),
          expectStatus,
          request,
        });
    const echo = load(bare.port, 201, (_c, i) =>
      requestBytes('POST', '/echo', bare.port, undefined, JSON.stringify({ title: `echo ${i}` })),
    );
    const durableWriter = load(durable.port, 201, (_c, i) =>
      requestBytes(
        'POST',
        '/api/tasks',
        durable.port,
        undefined,
        JSON.stringify({ title: `bench task ${i}` }),
      ),
    );
    const write = (op: WriteOp) => load(mc.port, expect[op], mcRequest[op]);
    // Warm every server up first (JIT, page cache) with an unmeasured round at the highest
    // concurrency: otherwise the first cell measured also pays for compilation (create task at 16
    // connections read 74-78 % of the durable writer in quick runs without this, 107-112 % with it).
    const top = Math.max(...concurrencies);
    for (const run of [echo, durableWriter, ...WRITE_OPS.map(write)])
      await run(top, Math.min(1000, durationMs));
    // Each repeat measures every cell next to its own ceilings; the figures are medians over repeats.
    type Cell = { result: LoadResult; ceiling: number; durable: number };
    const cells = new Map<string, Cell[]>();
    for (let repeat = 0; repeat < repeats; repeat++) {
      for (const concurrency of concurrencies) {
        const before = await echo(concurrency);
        const durableBefore = await durableWriter(concurrency);
        const measured: Array<[WriteOp, LoadResult]> = [];
        for (const op of WRITE_OPS) measured.push([op, await write(op)(concurrency)]);
        const durableRps = (durableBefore.rps + (await durableWriter(concurrency)).rps) / 2;
        const ceiling = (before.rps + (await echo(concurrency)).rps) / 2;
        for (const [op, result] of measured) {
          const key = `${op}@${concurrency}`;
          cells.set(key, [...(cells.get(key) ?? []), { result, ceiling, durable: durableRps }]);
        }
      }
    }
    for (const concurrency of concurrencies) {
      for (const op of WRITE_OPS) {
        const runs = cells.get(`${op}@${concurrency}`) ?? [];
        const row: ThroughputRow = {
          op,
          concurrency,
          rps: round(median(runs.map((r) => r.result.rps)), 0),
          ceilingRps: round(median(runs.map((r) => r.ceiling)), 0),
          ratio: round(median(runs.map((r) => r.result.rps / r.ceiling)), 3),
          durableRps: round(median(runs.map((r) => r.durable)), 0),
          durableRatio: round(median(runs.map((r) => r.result.rps / r.durable)), 3),
          p50Ms: median(runs.map((r) => r.result.latency.p50)),
          p99Ms: median(runs.map((r) => r.result.latency.p99)),
          runs: runs.length,
        };
        rows.push(row);
        console.log(
          `  ${op} @${concurrency}: ${row.rps}/s vs echo ${row.ceilingRps}/s (${pct(row.ratio)}), durable ${row.durableRps}/s (${pct(row.durableRatio ?? 0)})`,
        );
      }
    }
  } finally {
    await mc.stop();
    await bare.stop();
    await durable.stop();
  }
  return rows;
}
