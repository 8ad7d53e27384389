// The targets of issue 7, each with its figure from a run and whether it is met.
import { existsSync, readFileSync } from 'node:fs';
import type { StoreLevel } from '../suites/store.ts';
import type { ThroughputRow } from '../suites/throughput.ts';
import { kb, pct, table, verdict } from './format.ts';
import type { Results } from './results.ts';

export function targets(r: Results): string {
  const rows: string[][] = [];
  const f1000 = r.fanout?.find((f) => f.clients === 1000);
  if (f1000) {
    rows.push([
      'Fan-out p99 at 1,000 clients ≤ 10 ms',
      `${f1000.missionControl.p99} ms (bare ${f1000.bare.p99} ms)`,
      verdict(f1000.missionControl.p99 <= 10),
    ]);
    rows.push([
      'Fan-out p99 at 1,000 clients ≤ 2× bare',
      `${f1000.ratio.p99}×`,
      verdict(f1000.ratio.p99 <= 2),
    ]);
  }
  const f50 = r.fanout?.find((f) => f.clients === 50);
  if (f50)
    rows.push([
      'Fan-out p50 at 50 clients ≤ 1.5× bare (issue 18)',
      `${f50.ratio.p50}× (${f50.missionControl.p50} ms, bare ${f50.bare.p50} ms)`,
      verdict(f50.ratio.p50 <= 1.5),
    ]);
  if (r.throughput?.length) {
    const sorted = [...r.throughput].sort((a, b) => a.ratio - b.ratio);
    const worst = sorted[0] as ThroughputRow;
    const best = sorted.at(-1) as ThroughputRow;
    rows.push([
      'Writes ≥ 50 % of the bare echo',
      `${pct(worst.ratio)} (${worst.op} @${worst.concurrency}) … ${pct(best.ratio)} (${best.op} @${best.concurrency})`,
      verdict(worst.ratio >= 0.5),
    ]);
    const create = r.throughput.find((t) => t.op === 'create task' && t.concurrency === 16);
    if (create?.durableRatio !== undefined) {
      const figure = `${create.rps}/s: ${pct(create.durableRatio)} of the durable writer (${create.durableRps}/s), ${pct(create.ratio)} of the echo (${create.ceilingRps}/s)`;
      rows.push([
        'Create task @16 ≥ 100 % of the bare durable writer (issue 18)',
        figure,
        verdict(create.durableRatio >= 1),
      ]);
      rows.push([
        'Create task @16 ≥ 35 % of the bare echo (issue 18)',
        figure,
        verdict(create.ratio >= 0.35),
      ]);
    }
  }
  if (r.store && r.store.length > 1) {
    const first = r.store[0] as StoreLevel;
    const last = r.store.at(-1) as StoreLevel;
    for (const op of ['get task by id', 'list activities of a task (50)', 'list tasks by status (50)']) {
      const a = first.ops[op]?.p50 ?? 0;
      const b = last.ops[op]?.p50 ?? 0;
      rows.push([
        `Indexed read stays flat: ${op}`,
        `${a} → ${b} ms p50 (${first.label} → ${last.label})`,
        verdict(b <= Math.max(3 * a, a + 0.05)),
      ]);
    }
    rows.push([
      'Insert < 10 ms (seed claim)',
      `create task p99 ${last.ops['create task']?.p99} ms at ${last.label}`,
      verdict((last.ops['create task']?.p99 ?? 99) < 10),
    ]);
  }
  const mem = r.memory?.find((x) => x.server === 'mission-control');
  if (mem) {
    rows.push(['Heap per idle SSE client ≤ 8 KB', kb(mem.heapPerClient), verdict(mem.heapPerClient <= 8192)]);
    rows.push(['RSS per idle SSE client ≤ 8 KB', kb(mem.rssPerClient), verdict(mem.rssPerClient <= 8192)]);
  }
  if (r.coldStart) {
    const c = r.coldStart;
    rows.push([
      'Cold start ≤ 300 ms (TypeScript sources)',
      `${c.missionControlMedian} ms median (bare node ${c.bareMedian} ms)`,
      verdict(c.missionControlMedian <= 300),
    ]);
    if (c.bundleMedian !== undefined)
      rows.push([
        'Cold start ≤ 300 ms (bundled serve)',
        `${c.bundleMedian} ms median`,
        verdict(c.bundleMedian <= 300),
      ]);
  }
  if (r.work) {
    rows.push([
      'Long-poll claim answered within 1 s of a task becoming claimable',
      `p99 ${r.work.wake.p99} ms (p50 ${r.work.wake.p50} ms)`,
      verdict(r.work.wake.p99 < 1000),
    ]);
    rows.push([
      'Sweeper never stalls the server long (10,000 leases expiring at once)',
      `longest sweep ${r.work.sweeper.longestBatchMs} ms; idle sweep ${r.work.sweeper.idleSweep.p50} ms`,
      verdict(r.work.sweeper.longestBatchMs < 250),
    ]);
  }
  if (r.conversation) {
    const c = r.conversation;
    rows.push([
      'A waiting agent inbox hears a review decision within 1 s',
      `p99 ${c.wake.p99} ms (p50 ${c.wake.p50} ms)`,
      verdict(c.wake.p99 < 1000),
    ]);
  }
  if (r.search && r.search.logLines >= 1_000_000)
    rows.push([
      'Search p95 < 50 ms at 1,000,000 log lines and 100,000 activities',
      `p95 ${r.search.all.p95} ms (p50 ${r.search.all.p50} ms) over every kind of query`,
      verdict(r.search.all.p95 < 50),
    ]);
  rows.push(boardRow());
  return table(['target', 'figure', 'verdict'], rows);
}

/** From `npm run bench:board` (docs/bench/board.json), a separate browser run. */
function boardRow(): string[] {
  const file = new URL('../../docs/bench/board.json', import.meta.url);
  if (!existsSync(file))
    return ['Board first render ≤ 500 ms, drag 60 fps', 'run npm run bench:board', 'pending'];
  const b = JSON.parse(readFileSync(file, 'utf8'));
  return [
    'Board first render ≤ 500 ms, drag 60 fps (10,000 tasks, Chromium)',
    `${Math.round(b.firstRender.medians.firstRenderMs)} ms median first render; drag ${b.drag.medianFrameMs} ms median / ${b.drag.p95FrameMs} ms p95 frame, ${b.drag.fps} fps`,
    verdict(b.targets.firstRenderMet && b.targets.dragMet),
  ];
}
