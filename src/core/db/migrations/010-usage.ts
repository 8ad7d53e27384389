// Usage and cost (CONTROL_LOOP.md §5): one row per usage report, money as integer micro-dollars so
// sums are exact; each task keeps its running totals on its own row (the board reads every task, so
// a task read must not sum reports) and its budget, with when its cost reached it.
// Reports outlive their task, session and agent (ON DELETE SET NULL): the money was spent all the same.
import type { Migration } from './types.ts';

export const usage: Migration = {
  version: 10,
  name: 'usage reports, task usage totals and budgets',
  sql: `
    CREATE TABLE usage_reports (
      id TEXT PRIMARY KEY,
      task_id TEXT REFERENCES tasks(id) ON DELETE SET NULL,
      session_id TEXT REFERENCES openclaw_sessions(id) ON DELETE SET NULL,
      agent_id TEXT REFERENCES agents(id) ON DELETE SET NULL,
      model TEXT NOT NULL,
      input_tokens INTEGER NOT NULL CHECK (input_tokens >= 0),
      output_tokens INTEGER NOT NULL CHECK (output_tokens >= 0),
      cache_read_tokens INTEGER NOT NULL CHECK (cache_read_tokens >= 0),
      cache_write_tokens INTEGER NOT NULL CHECK (cache_write_tokens >= 0),
      -- NULL: unknown (no cost reported and no price for the model).
      cost_micros INTEGER CHECK (cost_micros >= 0),
      created_at TEXT NOT NULL
    );
    -- The summaries (GET /api/usage) read only this index: a range of created_at, every column they
    -- sum or group by, so no grouping touches the table.
    CREATE INDEX idx_usage_time ON usage_reports (created_at, task_id, agent_id, model,
      input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cost_micros);
    -- A task's or session's reports (its Usage tab), and the lookups ON DELETE SET NULL makes.
    CREATE INDEX idx_usage_task ON usage_reports (task_id, created_at) WHERE task_id IS NOT NULL;
    CREATE INDEX idx_usage_session ON usage_reports (session_id) WHERE session_id IS NOT NULL;
    CREATE INDEX idx_usage_agent ON usage_reports (agent_id) WHERE agent_id IS NOT NULL;

    ALTER TABLE tasks ADD COLUMN usage_input_tokens INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE tasks ADD COLUMN usage_output_tokens INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE tasks ADD COLUMN usage_cost_micros INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE tasks ADD COLUMN usage_reports INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE tasks ADD COLUMN usage_unpriced_reports INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE tasks ADD COLUMN budget_micros INTEGER CHECK (budget_micros > 0);
    -- When the cost reached the budget (the attention item's since); NULL while under it.
    ALTER TABLE tasks ADD COLUMN over_budget_at TEXT;
    CREATE INDEX idx_tasks_over_budget ON tasks (over_budget_at) WHERE over_budget_at IS NOT NULL;
  `,
};
