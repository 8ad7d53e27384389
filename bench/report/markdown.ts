// Writes docs/BENCHMARKS.md and its SVG charts from one full run; notes come from bench/report/analysis.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { conversationSection } from './conversation-section.ts';
import { kb, ms, pct, table } from './format.ts';
import { logsSection } from './logs-section.ts';
import type { Results } from './results.ts';
import { searchSection } from './search-section.ts';
import { barChart } from './svg.ts';
import { targets } from './targets.ts';
import { throughputSection } from './throughput-section.ts';
import { usageSection } from './usage-section.ts';
import { webhooksSection } from './webhooks-section.ts';

export function charts(r: Results): Record<string, string> {
  const out: Record<string, string> = {};
  if (r.fanout)
    out['fanout.svg'] = barChart({
      title: 'Fan-out: write → every SSE client has it (p99)',
      unit: 'ms',
      groups: r.fanout.map((f) => `${f.clients} clients`),
      series: [
        { name: 'Mission Control p99', values: r.fanout.map((f) => f.missionControl.p99) },
        { name: 'bare node:http p99', values: r.fanout.map((f) => f.bare.p99) },
        { name: 'Mission Control p50', values: r.fanout.map((f) => f.missionControl.p50) },
        { name: 'bare node:http p50', values: r.fanout.map((f) => f.bare.p50) },
      ],
      line: { value: 10, label: 'target p99 ≤ 10 ms at 1,000' },
    });
  if (r.throughput) {
    const conc = [...new Set(r.throughput.map((t) => t.concurrency))];
    const ops = [...new Set(r.throughput.map((t) => t.op))];
    const at = (op: string, c: number) => r.throughput?.find((t) => t.op === op && t.concurrency === c);
    out['throughput.svg'] = barChart({
      title: 'Write throughput vs bare node:http JSON echo and bare durable writer',
      unit: 'requests/s',
      groups: conc.map((c) => `${c} connection${c > 1 ? 's' : ''}`),
      series: [
        { name: 'bare echo (ceiling)', values: conc.map((c) => at(ops[0] as string, c)?.ceilingRps ?? 0) },
        { name: 'bare durable writer', values: conc.map((c) => at(ops[0] as string, c)?.durableRps ?? 0) },
        ...ops.map((op) => ({ name: op, values: conc.map((c) => at(op, c)?.rps ?? 0) })),
      ],
    });
  }
  if (r.store) {
    const ops = Object.keys(r.store[0]?.ops ?? {});
    out['store.svg'] = barChart({
      title: 'Store latency (p50) as the database grows',
      unit: 'ms',
      log: true,
      groups: ops.map((o) => o.replace(/ \(.*\)/, '')),
      series: r.store.map((l) => ({ name: l.label, values: ops.map((o) => l.ops[o]?.p50 ?? 0) })),
    });
  }
  if (r.memory)
    out['memory.svg'] = barChart({
      title: `Memory per idle SSE client (${r.memory[0]?.clients} clients)`,
      unit: 'KB per client',
      groups: ['heap', 'RSS'],
      series: r.memory.map((m) => ({
        name: m.server,
        values: [m.heapPerClient / 1024, m.rssPerClient / 1024],
      })),
      line: { value: 8, label: 'target ≤ 8 KB' },
    });
  return out;
}

export function markdown(r: Results, analysisFile: string): string {
  const m = r.machine;
  const parts: string[] = [
    '# Benchmarks',
    '',
    'Every figure below comes from one run of `npm run bench` (bench/run.ts). The machine is shared and noisy, so',
    'each figure stands next to a ceiling measured in the same run — a bare `node:http` server that does nothing',
    'but parse JSON or fan out strings — or is a median of repeated runs. Servers run in their own processes, the',
    'load generator (raw keep-alive sockets) in another, all on loopback.',
    '',
    `- **Date**: ${r.date} · **commit** ${r.commit} · **command** \`${r.command}\` · ${r.seconds} s`,
    `- **Machine**: ${m.nproc} cores (nproc), ${m.cpu}, ${m.memoryGb} GB RAM, ${m.os}, Node ${m.node}, load average at start ${m.loadAverage.join(' / ')}`,
    '- **Raw data**: [bench/results.json](bench/results.json); regression gate: [bench/baseline.json](bench/baseline.json)',
    '',
  ];
  parts.push('## Targets', '', targets(r), '');
  parts.push(readFileSync(analysisFile, 'utf8').trim(), '');
  if (r.fanout) {
    parts.push(
      '## 1. Fan-out latency',
      '',
      'POST /api/tasks → time until **every** SSE client has the `task_created` frame (the last',
      'client), versus a bare broadcaster that parses the POST and writes one pre-built frame to each stream.',
      'Rounds alternate between the two servers.',
      '',
    );
    parts.push(
      table(
        [
          'clients',
          'rounds',
          'MC p50',
          'MC p95',
          'MC p99',
          'bare p50',
          'bare p95',
          'bare p99',
          'ratio p50',
          'ratio p99',
        ],
        r.fanout.map((f) => [
          f.clients,
          f.rounds,
          ms(f.missionControl.p50),
          ms(f.missionControl.p95),
          ms(f.missionControl.p99),
          ms(f.bare.p50),
          ms(f.bare.p95),
          ms(f.bare.p99),
          `${f.ratio.p50}×`,
          `${f.ratio.p99}×`,
        ]),
      ),
    );
    parts.push('', '![fan-out](bench/fanout.svg)', '');
  }
  if (r.throughput) parts.push(throughputSection(r.throughput), '');
  if (r.store) {
    const store = r.store;
    const ops = Object.keys(store[0]?.ops ?? {});
    parts.push(
      '## 3. Store scale',
      '',
      'In process (core domain functions, no HTTP), on a file database in WAL mode. Rows are seeded with one',
      'transaction of prepared INSERTs; then each operation is timed one call at a time. "raw INSERT" is a prepared',
      'INSERT of a 300-byte row in its own transaction on the same file: the floor for any committed write.',
      '',
    );
    parts.push(
      table(
        ['operation (p50 / p99)', ...r.store.map((l) => l.label)],
        ops.map((o) => [o, ...store.map((l) => `${l.ops[o]?.p50} / ${l.ops[o]?.p99} ms`)]),
      ),
    );
    parts.push(
      '',
      `Seeding took ${r.store.map((l) => `${l.seedSeconds} s`).join(', ')}.`,
      '',
      '![store](bench/store.svg)',
      '',
    );
  }
  if (r.memory) {
    parts.push(
      '## 4. Memory per idle SSE client',
      '',
      'Server heap (after two forced GCs) and RSS before and after the streams connect, divided by the number of',
      'streams; median of three rounds. Kernel socket buffers are not in either figure. RSS differs from round',
      'to round because the allocator keeps what the previous round freed: each round is listed.',
      '',
    );
    parts.push(
      table(
        ['server', 'clients', 'heap / client', 'RSS / client', 'RSS per round'],
        r.memory.map((x) => [
          x.server,
          x.clients,
          kb(x.heapPerClient),
          kb(x.rssPerClient),
          (x.rssRounds ?? []).map(kb).join(', '),
        ]),
      ),
    );
    parts.push('', '![memory](bench/memory.svg)', '');
  }
  if (r.coldStart) {
    const c = r.coldStart;
    parts.push(
      '## 5. Cold start',
      '',
      'Spawn `node src/core/serve.ts --port 0 --data-dir <fresh dir>` → its "listening" line → first 200 from',
      '/api/health. A fresh data dir means the database is created and migrated and a token is written every time.',
      '"Bundled" is out/serve/serve.js, what `npm run serve` runs: serve.ts bundled by rolldown (better-sqlite3 external), which',
      'skips type stripping and most module resolution. The ceiling is a bare node:http server spawned the same',
      'way. CPU is user + system time of the started process until the first 200 (from /proc, 10 ms ticks): it',
      'moves far less than wall time when other work shares the machine.',
      '',
    );
    const cpu = c.cpuMedian;
    parts.push(
      table(
        ['', 'wall median', 'CPU median', '÷ bare (wall)', 'runs (wall ms)'],
        [
          [
            'Mission Control (TypeScript sources)',
            ms(c.missionControlMedian),
            ms(cpu?.missionControl ?? NaN),
            `${c.ratio}×`,
            c.missionControlMs.join(', '),
          ],
          ...(c.bundleMs && c.bundleMedian !== undefined
            ? [
                [
                  'Mission Control, bundled',
                  ms(c.bundleMedian),
                  ms(cpu?.bundle ?? NaN),
                  `${c.bundleRatio}×`,
                  c.bundleMs.join(', '),
                ],
              ]
            : []),
          ['bare node:http', ms(c.bareMedian), ms(cpu?.bare ?? NaN), '1×', c.bareMs.join(', ')],
        ],
      ),
    );
    parts.push('');
  }
  // Section 6 is written by `npm run bench:board` (a browser run), kept in bench/board/section.md.
  parts.push(readFileSync(new URL('../board/section.md', import.meta.url), 'utf8').trimEnd(), '');
  if (r.work) parts.push(workSection(r.work), '');
  if (r.conversation) parts.push(conversationSection(r.conversation), '');
  if (r.logs) parts.push(logsSection(r.logs), '');
  if (r.usage) parts.push(usageSection(r.usage), '');
  if (r.search) parts.push(searchSection(r.search), '');
  if (r.webhooks) parts.push(webhooksSection(r.webhooks), '');
  parts.push(
    '## Reproduce',
    '',
    '```sh',
    'npm run bench                 # full run (~3 min): rewrites this file, the charts and the JSON',
    'npm run bench -- --quick      # < 60 s; compares with docs/bench/baseline.json, fails only on a >3× regression',
    'npm run bench -- --no-million # full run without the 1,000,000-activity level',
    'npm run bench -- --profile    # also writes .cpuprofile files of the servers to $TMPDIR/mc-bench-profiles',
    'npm run bench -- --only fanout,throughput # some suites only; results in $TMPDIR, docs left alone',
    'npm run bench -- --report-only # re-render this file from docs/bench/results.json',
    'node bench/ab.ts before=<copy>/bench/servers/mission-control.ts after=bench/servers/mission-control.ts',
    '                              # create task at 16 connections across copies of the tree, both ceilings',
    '```',
    '',
  );
  return parts.join('\n');
}

function workSection(w: NonNullable<Results['work']>): string {
  const s = w.sweeper;
  return [
    '## 7. Work loop',
    '',
    `Claims: ${w.workers} workers, each on its own keep-alive connection, loop \`POST /api/work/claim\` until 204`,
    `over ${w.tasks} inbox tasks (the server as a child process, like the throughput suite). The ceiling is the same`,
    "server's `POST /api/tasks` at the same concurrency in the same run: a claim is a write too, with two",
    'events and an activity. Long-poll wake: one claim waits (`wait_s` 10), then another connection creates a',
    "task; measured from sending the create to the claim answer, next to the create's own round trip. Sweeper:",
    `in process, ${s.leased} leased tasks; an idle sweep (nothing due: three indexed MIN queries), then every`,
    'lease expiring at once (handed back in batches of 500, one transaction each).',
    '',
    table(
      ['figure', 'value', 'ceiling / note'],
      [
        [
          'claims per second',
          `${w.claimsPerSecond}/s`,
          `creates ${w.createsPerSecond}/s (${pct(w.claimRatio)})`,
        ],
        [
          'long-poll wake p50 / p99',
          `${w.wake.p50} / ${w.wake.p99} ms`,
          `create round trip ${w.createRoundTrip.p50} / ${w.createRoundTrip.p99} ms`,
        ],
        ['idle sweep p50 / p99', `${s.idleSweep.p50} / ${s.idleSweep.p99} ms`, `${s.leased} leased tasks`],
        ['next due moment p50', `${s.nextDue.p50} ms`, 'what a write costs the sweeper (once per turn)'],
        [
          'every lease expiring at once',
          `${s.expireAllMs} ms`,
          `longest single sweep ${s.longestBatchMs} ms`,
        ],
      ],
    ),
  ].join('\n');
}

export function writeDocs(r: Results, docsDir: string, analysisFile: string): void {
  for (const [name, svg] of Object.entries(charts(r))) writeFileSync(`${docsDir}/bench/${name}`, svg);
  writeFileSync(`${docsDir}/BENCHMARKS.md`, markdown(r, analysisFile));
}
