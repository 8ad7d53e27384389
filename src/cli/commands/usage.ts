// `mission-control usage report|summary`: report tokens (and cost) spent on a task or by a session,
// and print the sums by task, agent, model or day.
import { formatUsd } from '../../shared/money.ts';
import { USAGE_GROUPS, type UsageGroup, type UsageRecord, type UsageRow } from '../../shared/usage.ts';
import { integer, str, UsageError, type Values } from '../args.ts';
import type { CliCommand } from '../command.ts';

const count = (values: Values, name: string): number | undefined => integer(values[name], name);

function cost(value: Values[string]): number | undefined {
  const text = str(value);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(n))
    throw new UsageError('--cost must be a decimal ≥ 0 (USD)');
  return n;
}

const recordLine = (r: UsageRecord) =>
  `${r.id}  ${r.model}  ${r.input_tokens} in / ${r.output_tokens} out  ${formatUsd(r.cost_usd)}` +
  (r.task_id ? `  task ${r.task_id}` : '');

export function summaryTable(rows: readonly UsageRow[], by: UsageGroup): string {
  if (!rows.length) return 'No usage in this window';
  const cells = [
    [by.toUpperCase(), 'REPORTS', 'INPUT', 'OUTPUT', 'COST'],
    ...rows.map((r) => [
      r.key ?? '(none)',
      String(r.reports),
      String(r.input_tokens),
      String(r.output_tokens),
      formatUsd(r.cost_usd) + (r.unpriced_reports && r.cost_usd !== null ? '+' : ''),
    ]),
  ];
  const widths = cells[0]?.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length))) ?? [];
  return cells
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  '),
    )
    .join('\n');
}

export const usageCommands: CliCommand[] = [
  {
    words: ['usage', 'report'],
    usage:
      'usage report (--task ID | --session ID) --model M --input N --output N [--cache-read N] [--cache-write N] [--cost USD] [--agent ID]',
    summary:
      'Report tokens (and cost) spent on a task or by a session; without --cost the model’s price applies',
    options: {
      task: { type: 'string' },
      session: { type: 'string' },
      model: { type: 'string' },
      input: { type: 'string' },
      output: { type: 'string' },
      'cache-read': { type: 'string' },
      'cache-write': { type: 'string' },
      cost: { type: 'string' },
      agent: { type: 'string' },
    },
    async run({ values, out, client }) {
      const task = str(values.task);
      const session = str(values.session);
      if (!task === !session) throw new UsageError('give exactly one of --task or --session');
      const model = str(values.model);
      if (!model) throw new UsageError('missing --model');
      const input = count(values, 'input');
      const output = count(values, 'output');
      if (input === undefined || output === undefined) throw new UsageError('missing --input or --output');
      const body = {
        model,
        input_tokens: input,
        output_tokens: output,
        cache_read_tokens: count(values, 'cache-read'),
        cache_write_tokens: count(values, 'cache-write'),
        cost_usd: cost(values.cost),
        agent_id: str(values.agent),
      };
      const record = task
        ? await client().call('usage.reportTask', { task_id: task, ...body })
        : await client().call('usage.reportSession', { session_id: session as string, ...body });
      out.result(record, recordLine);
      return 0;
    },
  },
  {
    words: ['usage', 'summary'],
    usage: 'usage summary [--by task|agent|model|day] [--from DATE] [--to DATE]',
    summary: 'Usage summed by task, agent, model or UTC day (default day); --from inclusive, --to exclusive',
    options: { by: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
    async run({ values, out, client }) {
      const by = (str(values.by) ?? 'day') as UsageGroup;
      if (!USAGE_GROUPS.includes(by)) throw new UsageError(`--by must be one of ${USAGE_GROUPS.join(', ')}`);
      const answer = await client().call('usage.summary', {
        group_by: by,
        from: str(values.from),
        to: str(values.to),
      });
      out.result(answer, (a) => summaryTable(a.rows, by));
      return 0;
    },
  },
];
