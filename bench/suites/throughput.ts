// Write throughput: create task, log activity, patch task at several concurrencies, each against
// a bare node:http JSON echo measured just before and after it (the ceiling is their mean).
import { startServerChild } from '../lib/child.ts';
import { type LoadResult, runLoad } from '../lib/load.ts';
import { RawConnection, requestBytes } from '../lib/raw-client.ts';
import { round } from '../lib/stats.ts';

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
}

export async function throughput(concurrencies: readonly number[], durationMs: number) {
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
    for (const concurrency of concurrencies) {
      const ceilings: LoadResult[] = [await echo(concurrency)];
      const results: Array<[WriteOp, LoadResult]> = [];
      for (const op of WRITE_OPS) {
        const request = mcRequest[op];
        results.push([
          op,
          await runLoad({
            port: mc.port,
            concurrency,
            durationMs,
            warmupMs,
            expectStatus: expect[op],
            request,
          }),
        ]);
      }
      ceilings.push(await echo(concurrency));
      const ceilingRps = round((ceilings[0]?.rps ?? 0) / 2 + (ceilings[1]?.rps ?? 0) / 2, 0);
      for (const [op, r] of results) {
        rows.push({
          op,
          concurrency,
          rps: r.rps,
          ceilingRps,
          ratio: round(r.rps / ceilingRps, 3),
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
        });
        console.log(
          `  ${op} @${concurrency}: ${r.rps}/s vs ceiling ${ceilingRps}/s (${round((100 * r.rps) / ceilingRps, 0)} %)`,
        );
      }
    }
  } finally {
    await mc.stop();
    await bare.stop();
  }
  return rows;
}
