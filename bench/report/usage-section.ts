// The usage-and-cost section of docs/BENCHMARKS.md; its own file keeps markdown.ts under 300 lines.
import { table } from './format.ts';
import type { Results } from './results.ts';

export function usageSection(u: NonNullable<Results['usage']>): string {
  const reports = u.reports.toLocaleString('en-US');
  return [
    '## Usage and cost',
    '',
    `\`GET /api/usage?group_by=…\` over **${reports} reports** (seeded with SQL in one transaction in`,
    `${u.seedSeconds} s: 1,000 tasks, 20 agents, 8 models, spread over 90 days, a tenth without a cost), all time and`,
    'the last 7 days; over HTTP (a server in the bench process, one keep-alive raw socket) and the same sums called in',
    'process. Every grouping reads only the covering index `idx_usage_time` (a range of `created_at` carrying every',
    'summed and grouped column) and groups in a temporary B-tree; the query plan is in the last column. Next to it, a',
    "usage report's round trip (it adds to the task's totals in the same transaction) against a task create's.",
    '',
    table(
      ['group_by', 'window', 'rows', 'reports summed', 'HTTP p50 / p95', 'in process p50', 'plan'],
      u.queries.map((q) => [
        q.group,
        q.window,
        String(q.rows),
        q.reports.toLocaleString('en-US'),
        `${q.http.p50} / ${q.http.p95} ms`,
        `${q.inProcess.p50} ms`,
        q.plan,
      ]),
    ),
    '',
    table(
      ['write', 'p50 / p95'],
      [
        ['`POST /api/tasks/:id/usage`', `${u.reportRoundTrip.p50} / ${u.reportRoundTrip.p95} ms`],
        ['`POST /api/tasks` (same run)', `${u.createRoundTrip.p50} / ${u.createRoundTrip.p95} ms`],
      ],
    ),
  ].join('\n');
}
