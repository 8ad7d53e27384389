// The search section of docs/BENCHMARKS.md; its own file keeps markdown.ts under 300 lines.
import { table } from './format.ts';
import type { Results } from './results.ts';

export function searchSection(s: NonNullable<Results['search']>): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return [
    '## Search',
    '',
    `\`core.search.search({ q, limit: 20 })\` in process, every kind searched, over ${n(s.logLines)} log lines,`,
    `${n(s.activities)} activities and ${n(s.tasks)} tasks (seeded through SQL in ${s.seedSeconds} s, the FTS5 triggers`,
    'indexing every row). Words are drawn from a Zipf law over 30,000 words, so the most frequent one is in',
    'most lines and a mid-frequency one in a few thousand. Append: 1,000 log lines through the domain (FTS5',
    'triggers included) next to the same rows into a table of the same shape without index or triggers; task',
    'creates and activity logs through the domain with the index, then after dropping its insert triggers.',
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
          '1,000-line log append (indexed)',
          `${s.appendIndexed.p50} / ${s.appendIndexed.p95} ms`,
          `plain table ${s.appendPlain.p50} / ${s.appendPlain.p95} ms`,
        ],
        ...Object.entries(s.writes ?? {}).map(([op, w]) => [
          `${op} (indexed)`,
          `${w.indexed.p50} / ${w.indexed.p95} ms`,
          `without its FTS5 trigger ${w.unindexed.p50} / ${w.unindexed.p95} ms`,
        ]),
      ],
    ),
  ].join('\n');
}
