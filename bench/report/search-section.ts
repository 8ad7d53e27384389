// The search section of docs/BENCHMARKS.md; its own file keeps markdown.ts under 300 lines.
import { table } from './format.ts';
import type { Results } from './results.ts';

export function searchSection(s: NonNullable<Results['search']>): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return [
    '## Search',
    '',
    `\`core.search.search({ q, limit: 20 })\` in process (the answer comes from the indexer's thread), every kind`,
    `searched, over ${n(s.logLines)} log lines, ${n(s.activities)} activities and ${n(s.tasks)} tasks (seeded through SQL in`,
    `${s.seedSeconds} s). Words are drawn from a Zipf law over 30,000 words, so the most frequent one is in most lines and`,
    'a mid-frequency one in a few thousand. Append: 1,000 log lines through the domain (their search-queue rows',
    'included) next to the same rows into a table of the same shape without triggers, and how long after the',
    'append returned a search finds its last line (the search waits for the indexer); task creates and activity',
    'logs through the domain, then after dropping their search-queue triggers.',
    '',
    ...(s.catchUp
      ? [
          `The indexer applied the ${n(s.catchUp.entries)} queue entries of the seeded rows in ${s.catchUp.seconds} s`,
          `(${n(s.catchUp.perSecond)} a second, on its own thread); with search.db deleted, it was rebuilt from the`,
          `tables in ${s.rebuildSeconds} s before the first search answered.`,
        ]
      : []),
    '',
    table(
      ['query', 'p50 / p95', 'hits · example'],
      [
        ...Object.entries(s.queries).map(([name, q]) => [
          name,
          `${q.p50} / ${q.p95} ms`,
          `${q.hits} · \`${q.example.replaceAll('|', '\\|')}\``,
        ]),
        ['every query above', `${s.all.p50} / ${s.all.p95} ms`, `target p95 < 50 ms`],
        [
          '1,000-line log append',
          `${s.appendIndexed.p50} / ${s.appendIndexed.p95} ms`,
          `plain table ${s.appendPlain.p50} / ${s.appendPlain.p95} ms`,
        ],
        ...(s.searchable
          ? [
              [
                'append returned → search finds it',
                `${s.searchable.p50} / ${s.searchable.p95} ms`,
                'the indexer catches up',
              ],
            ]
          : []),
        ...Object.entries(s.writes ?? {}).map(([op, w]) => [
          `${op}`,
          `${w.indexed.p50} / ${w.indexed.p95} ms`,
          `without its search-queue trigger ${w.unindexed.p50} / ${w.unindexed.p95} ms`,
        ]),
      ],
    ),
  ].join('\n');
}
