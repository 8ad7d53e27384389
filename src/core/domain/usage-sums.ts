// Usage summaries: exact sums (SQLite's integer sums of tokens and micro-dollars) over a window of
// report times, grouped by task, agent, model or UTC day, and one task's sums per session and model.
// Every grouping reads only the covering index idx_usage_time (migration 010), never the table.
import { fromMicros } from '../../shared/money.ts';
import type {
  TaskUsageBreakdown,
  UsageGroup,
  UsageQuery,
  UsageRow,
  UsageSummary,
} from '../../shared/usage.ts';
import type { Transactions } from './transactions.ts';

interface SumRow {
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  cost_micros: number | null;
  priced: number;
  reports: number;
}
type Window = { from: string; to: string };

const SUMS = `sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
  sum(cache_read_tokens) AS cache_read_tokens, sum(cache_write_tokens) AS cache_write_tokens,
  sum(cost_micros) AS cost_micros, count(cost_micros) AS priced, count(*) AS reports`;

/** Cost only over the reports that have one; null when none has. */
const fromSums = (row: SumRow) => ({
  input_tokens: row.input_tokens,
  output_tokens: row.output_tokens,
  cache_read_tokens: row.cache_read_tokens,
  cache_write_tokens: row.cache_write_tokens,
  cost_usd: row.priced > 0 ? fromMicros(row.cost_micros ?? 0) : null,
  reports: row.reports,
  unpriced_reports: row.reports - row.priced,
});

const KEY: Record<UsageGroup, string> = {
  task: 'task_id',
  agent: 'agent_id',
  model: 'model',
  day: 'substr(created_at, 1, 10)',
};

/** A bound of the window as stored timestamps spell it (a date is its midnight UTC). */
const bound = (value: string | undefined, fallback: string): string =>
  value === undefined ? fallback : new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString();

export function createUsageSums(tx: Transactions, assertTask: (id: string) => void) {
  const { db } = tx;
  const grouped = new Map(
    (Object.keys(KEY) as UsageGroup[]).map((group) => [
      group,
      db.prepare<Window, SumRow & { key: string | null }>(
        `SELECT ${KEY[group]} AS key, ${SUMS} FROM usage_reports
         WHERE created_at >= @from AND created_at < @to
         GROUP BY ${KEY[group]} ORDER BY ${group === 'day' ? 'key' : 'sum(cost_micros) DESC NULLS LAST, key'}`,
      ),
    ]),
  );
  const ofTask = db.prepare<
    [string],
    SumRow & { session_id: string | null; agent_id: string | null; model: string }
  >(
    `SELECT session_id, agent_id, model, ${SUMS} FROM usage_reports WHERE task_id = ?
     GROUP BY session_id, agent_id, model ORDER BY min(rowid)`,
  );

  return {
    /** Sums over [from, to), grouped. */
    summary(query: UsageQuery): UsageSummary {
      const window = { from: bound(query.from, ''), to: bound(query.to, '\uffff') };
      const rows: UsageRow[] = (grouped.get(query.group_by)?.all(window) ?? []).map((row) => ({
        key: row.key,
        ...fromSums(row),
      }));
      return { rows };
    },
    /** A task's usage per session, agent and model (its Usage tab); 404 for an unknown task. */
    ofTask(taskId: string): TaskUsageBreakdown {
      assertTask(taskId);
      return {
        rows: ofTask.all(taskId).map((row) => ({
          session_id: row.session_id,
          agent_id: row.agent_id,
          model: row.model,
          ...fromSums(row),
        })),
      };
    },
  };
}
