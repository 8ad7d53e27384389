// Usage and cost: reports of tokens (and money) spent on a task or by a session, their summaries
// (usage-sums.ts), the model prices that price a report without a cost, and task budgets. Money is integer
// micro-dollars throughout (shared/money.ts); each task keeps running totals on its own row, updated
// in the report's transaction, so reading a task never sums its reports.
import type { Task } from '../../shared/entities.ts';
import type { BudgetExceeded } from '../../shared/events.ts';
import { costMicros, fromMicros, type MicroPrices, toMicros } from '../../shared/money.ts';
import {
  type Prices,
  Prices as PricesSchema,
  type UsageRecord,
  type UsageReportBody,
} from '../../shared/usage.ts';
import { createSettings } from '../remote/settings.ts';
import type { Agents } from './agents.ts';
import { unprocessable } from './errors.ts';
import type { Sessions } from './sessions.ts';
import { usageFromRow } from './task-rows.ts';
import type { Tasks } from './tasks.ts';
import type { Transactions } from './transactions.ts';
import { createUsageSums } from './usage-sums.ts';

export const PRICES_KEY = 'usage.prices';

/** The budget_exceeded payload of a task that is over its budget now. */
export const budgetExceeded = (task: Task): BudgetExceeded => ({
  task,
  budget_usd: task.budget_usd ?? 0,
  cost_usd: task.usage.cost_usd ?? 0,
});

/**
 * Where a report goes: a task (optionally naming one of its sessions), or a session (our id or its
 * openclaw_session_id) and through it the session's task.
 */
export type UsageTarget =
  | { task_id: string; session_id?: string | null | undefined }
  | { session_id: string };

interface StoredReport {
  id: string;
  task_id: string | null;
  session_id: string | null;
  agent_id: string | null;
  model: string;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  cost_micros: number | null;
  created_at: string;
}

interface TotalsRow {
  usage_input_tokens: number;
  usage_output_tokens: number;
  usage_cost_micros: number;
  usage_reports: number;
  usage_unpriced_reports: number;
  budget_micros: number | null;
  over_budget_at: string | null;
  assigned_agent_id: string | null;
}

const toMicroPrices = (price: Prices[string]): MicroPrices => ({
  input: toMicros(price.input_per_mtok) ?? 0,
  output: toMicros(price.output_per_mtok) ?? 0,
  cache_read: price.cache_read_per_mtok === undefined ? null : (toMicros(price.cache_read_per_mtok) ?? 0),
  cache_write: price.cache_write_per_mtok === undefined ? null : (toMicros(price.cache_write_per_mtok) ?? 0),
});

export function createUsage(tx: Transactions, agents: Agents, tasks: Tasks, sessions: Sessions) {
  const { db } = tx;
  const settings = createSettings(tx);
  const insert = db.prepare<unknown[]>(`INSERT INTO usage_reports (id, task_id, session_id, agent_id, model,
    input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cost_micros, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // SET reads the row before the update: the cost reaches the budget when old + this ≥ budget.
  const addToTask = db.prepare<Record<string, unknown>, TotalsRow>(`UPDATE tasks SET
    usage_input_tokens = usage_input_tokens + @input, usage_output_tokens = usage_output_tokens + @output,
    usage_cost_micros = usage_cost_micros + coalesce(@cost, 0), usage_reports = usage_reports + 1,
    usage_unpriced_reports = usage_unpriced_reports + (@cost IS NULL),
    over_budget_at = CASE WHEN over_budget_at IS NULL AND budget_micros IS NOT NULL
      AND usage_cost_micros + coalesce(@cost, 0) >= budget_micros THEN @now ELSE over_budget_at END
    WHERE id = @id
    RETURNING usage_input_tokens, usage_output_tokens, usage_cost_micros, usage_reports,
      usage_unpriced_reports, budget_micros, over_budget_at, assigned_agent_id`);
  // The prices are read at every report: kept parsed in memory, replaced when they are saved.
  let prices: { raw: Prices; micro: Map<string, MicroPrices> } | null = null;
  const currentPrices = () => {
    if (!prices) {
      const raw = settings.get(PRICES_KEY, PricesSchema, {});
      prices = { raw, micro: new Map(Object.entries(raw).map(([m, p]) => [m, toMicroPrices(p)])) };
    }
    return prices;
  };

  const toRecord = (row: StoredReport): UsageRecord => {
    const { cost_micros, ...rest } = row;
    return { ...rest, cost_usd: cost_micros === null ? null : fromMicros(cost_micros) };
  };

  /** The task and session a report goes to, and the session's agent (the default reporter). */
  const resolve = (target: UsageTarget) => {
    if (!('task_id' in target)) {
      const session = sessions.get(target.session_id);
      return { taskId: session.task_id, sessionId: session.id, sessionAgentId: session.agent_id };
    }
    const taskId = tasks.get(target.task_id).id;
    const named = target.session_id;
    if (!named) return { taskId, sessionId: null, sessionAgentId: null };
    const session = sessions
      .list({ task_id: taskId })
      .find((s) => s.id === named || s.openclaw_session_id === named);
    if (!session)
      throw unprocessable(`session_id: session ${named} is not a session of task ${taskId}`, {
        field: 'session_id',
        id: named,
      });
    return { taskId, sessionId: session.id, sessionAgentId: session.agent_id };
  };

  return {
    /** Stores a report: 404 for an unknown task or session, 422 for an unknown agent_id. */
    report(target: UsageTarget, body: UsageReportBody): UsageRecord {
      return tx.write(() => {
        const { taskId, sessionId, sessionAgentId } = resolve(target);
        const agentId = body.agent_id ?? sessionAgentId;
        agents.assertExists(body.agent_id, 'agent_id');
        const now = tx.now();
        const tokens = {
          input_tokens: body.input_tokens,
          output_tokens: body.output_tokens,
          cache_read_tokens: body.cache_read_tokens ?? 0,
          cache_write_tokens: body.cache_write_tokens ?? 0,
        };
        const price = currentPrices().micro.get(body.model);
        const cost =
          body.cost_usd != null ? toMicros(body.cost_usd) : price ? costMicros(tokens, price) : null;
        const stored: StoredReport = {
          id: tx.newId(),
          task_id: taskId,
          session_id: sessionId,
          agent_id: agentId,
          model: body.model,
          ...tokens,
          cost_micros: cost,
          created_at: now,
        };
        insert.run(
          stored.id,
          stored.task_id,
          stored.session_id,
          stored.agent_id,
          stored.model,
          stored.input_tokens,
          stored.output_tokens,
          stored.cache_read_tokens,
          stored.cache_write_tokens,
          stored.cost_micros,
          now,
        );
        if (body.agent_id) agents.seen(body.agent_id, now);
        const record = toRecord(stored);
        const totals = taskId
          ? addToTask.get({
              id: taskId,
              input: tokens.input_tokens,
              output: tokens.output_tokens,
              cost,
              now,
            })
          : undefined;
        const state = totals && usageFromRow(totals);
        tx.emit(
          'usage_recorded',
          {
            ...record,
            task_usage: state?.usage ?? null,
            task_over_budget: state?.over_budget ?? false,
            task_assigned_agent_id: totals?.assigned_agent_id ?? null,
          },
          now,
        );
        // Reached by this report (over_budget_at is set exactly while cost ≥ budget): the workers must hear it.
        const before = totals ? totals.usage_cost_micros - (cost ?? 0) : 0;
        if (taskId && totals?.budget_micros != null && state?.over_budget && before < totals.budget_micros)
          tx.emit('budget_exceeded', budgetExceeded(tasks.get(taskId)), now);
        return record;
      });
    },
    ...createUsageSums(tx, tasks.assertExists),
    prices: (): Prices => currentPrices().raw,
    /** Replaces the whole price list; later reports without a cost use it (earlier ones keep theirs). */
    setPrices(next: Prices): Prices {
      const parsed = PricesSchema.parse(next);
      tx.write(() => settings.set(PRICES_KEY, parsed));
      prices = null;
      return currentPrices().raw;
    },
  };
}

export type Usage = ReturnType<typeof createUsage>;
