// Write throughput: create task, log activity, patch task at several concurrencies, each against
// a bare node:http JSON echo measured just before and after it (the ceiling is their mean);
// repeated, and reported as medians, because the shared machine's speed swings between runs.
import { startServerChild } from '../lib/child.ts';
import { type LoadResult, runLoad } from '../lib/load.ts';
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
  p50Ms: number;
  p99Ms: number;
  /** How many repeats the medians are over. */
  runs: number;
}

export async function throughput(concurrencies: readonly number[], durationMs: number, repeats = 1) {
  const mc = await startServerChild('mission-control');
  const bare = await startServerChild('bare');
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
    const warmupMs = Math.min(500, durationMs / 4);
    const echo = (concurrency: number) =>
      runLoad({
        port: bare.port,
        concurrency,
        durationMs,
        warmupMs,
        expectStatus: 201,
        request: (_c, i) =>
          requestBytes('POST', '/echo', bare.port, undefined, JSON.stringify({ title: `echo ${i}` })),
      });
    // Each repeat measures every cell next to its own ceiling; the figures are medians over repeats.
    const cells = new Map<string, Array<{ result: LoadResult; ceiling: number }>>();
    for (let repeat = 0; repeat < repeats; repeat++) {
      for (const concurrency of concurrencies) {
        const before = await echo(concurrency);
        const measured: Array<[WriteOp, LoadResult]> = [];
        for (const op of WRITE_OPS) {
          const request = mcRequest[op];
          const options = {
            port: mc.port,
            concurrency,
            durationMs,
            warmupMs,
            expectStatus: expect[op],
            request,
          };
          measured.push([op, await runLoad(options)]);
        }
        const ceiling = (before.rps + (await echo(concurrency)).rps) / 2;
        for (const [op, result] of measured) {
          const key = `${op}@${concurrency}`;
          cells.set(key, [...(cells.get(key) ?? []), { result, ceiling }]);
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
          p50Ms: median(runs.map((r) => r.result.latency.p50)),
          p99Ms: median(runs.map((r) => r.result.latency.p99)),
          runs: runs.length,
        };
        rows.push(row);
        console.log(
          `  ${op} @${concurrency}: ${row.rps}/s vs ceiling ${row.ceilingRps}/s (${pct(row.ratio)})`,
        );
      }
    }
  } finally {
    await mc.stop();
    await bare.stop();
  }
  return rows;
}
