// Section 2 of docs/BENCHMARKS.md (write throughput); its own file keeps markdown.ts under 300 lines.
import type { ThroughputRow } from '../suites/throughput.ts';
import { ms, pct, table } from './format.ts';

/** The durable writer does what a create does, so its ratio is shown for creates only. */
const durable = (t: ThroughputRow, field: 'durableRps' | 'durableRatio') =>
  t.op === 'create task' && t[field] !== undefined
    ? field === 'durableRatio'
      ? pct(t.durableRatio as number)
      : String(t.durableRps)
    : '—';

export function throughputSection(rows: readonly ThroughputRow[]): string {
  return [
    '## 2. Write throughput',
    '',
    'Closed loop: each connection sends its next request when the previous answer arrives. Two ceilings, each',
    'measured right before and after the three operations (mean): a bare node:http server that parses the JSON',
    'body and answers 201 (echo), and a bare durable writer (`bench/servers/durable.ts`: node:http +',
    'better-sqlite3 with the same settings, the task row under the task indexes of schema version 7 and its',
    'event row, random UUIDs, one transaction per event-loop turn, 201 after the commit; no auth, no validation).',
    'Every server gets an unmeasured warm-up round first.',
    '',
    table(
      [
        'operation',
        'connections',
        'req/s',
        'echo req/s',
        '% of echo',
        'durable req/s',
        '% of durable',
        'p50',
        'p99',
      ],
      rows.map((t) => [
        t.op,
        t.concurrency,
        t.rps,
        t.ceilingRps,
        pct(t.ratio),
        durable(t, 'durableRps'),
        durable(t, 'durableRatio'),
        ms(t.p50Ms),
        ms(t.p99Ms),
      ]),
    ),
    '',
    '![throughput](bench/throughput.svg)',
  ].join('\n');
}
