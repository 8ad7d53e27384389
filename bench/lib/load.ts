// Closed-loop load: `concurrency` keep-alive connections, each sending its next request as soon
// as the previous answer arrives, for a fixed time. Counts answers per second after a warm-up.
import { performance } from 'node:perf_hooks';
import { RawConnection } from './raw-client.ts';
import { round, type Summary, summarize } from './stats.ts';

export interface LoadOptions {
  port: number;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  /** The raw request for connection `conn`, its `i`-th request. */
  request: (conn: number, i: number) => string;
  expectStatus: number;
}

export interface LoadResult {
  rps: number;
  requests: number;
  errors: number;
  latency: Summary;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const conns = await Promise.all(
    Array.from({ length: options.concurrency }, () => RawConnection.open(options.port)),
  );
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const end = measureFrom + options.durationMs;
  const latencies: number[] = [];
  let errors = 0;
  let firstError = '';
  await Promise.all(
    conns.map(async (conn, c) => {
      for (let i = 0; ; i++) {
        const sent = performance.now();
        if (sent >= end) return;
        const response = await conn.request(options.request(c, i));
        const done = performance.now();
        if (response.status !== options.expectStatus) {
          errors += 1;
          firstError ||= `${response.status} ${response.body.slice(0, 200)}`;
        }
        if (sent >= measureFrom && done <= end) latencies.push(done - sent);
      }
    }),
  );
  for (const conn of conns) conn.close();
  if (errors > 0) throw new Error(`${errors} requests failed, first: ${firstError}`);
  return {
    rps: round(latencies.length / (options.durationMs / 1000), 0),
    requests: latencies.length,
    errors,
    latency: summarize(latencies),
  };
}
