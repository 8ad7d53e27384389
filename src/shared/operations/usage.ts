// Usage and cost (CONTROL_LOOP.md §5): usage reports, their summaries, model prices.
import { z } from 'zod';
import { Id } from '../inputs.ts';
import { defineOperation } from '../operation.ts';
import {
  Prices,
  TaskUsageBreakdown,
  UsageQuery,
  UsageRecord,
  UsageReportBody,
  UsageSummary,
} from '../usage.ts';
import * as ex from './examples.ts';

const tag = 'usage';
const operator = "The operator's view; a task's totals come with the task (usage)";
const reportBody = {
  model: 'claude-sonnet-4',
  input_tokens: 12000,
  output_tokens: 1800,
  cache_read_tokens: 40000,
  cost_usd: 0.075,
};
const pricesExample = {
  'claude-sonnet-4': {
    input_per_mtok: 3,
    output_per_mtok: 15,
    cache_read_per_mtok: 0.3,
    cache_write_per_mtok: 3.75,
  },
};
const reportDescription =
  'Integers ≥ 0; `cost_usd` ≥ 0 is kept exactly in micro-dollars (its decimal spelling rounded half up ' +
  'to 0.000001). Without `cost_usd` the model’s price (`/api/settings/prices`) prices it; without a price ' +
  'the cost is unknown (`null`). Adds to the task’s `usage` without a new `version`; emits `usage_recorded`, ' +
  'and `budget_exceeded` when the task’s cost reaches its `budget_usd`.';

export const usageOperations = {
  'usage.reportTask': defineOperation({
    input: UsageReportBody.extend({
      task_id: Id,
      /** One of the task's sessions the calls were made in (422 when it is not the task's). */
      session_id: Id.nullish(),
    }),
    output: UsageRecord,
    access: 'write',
    http: { method: 'POST', path: '/api/tasks/:id/usage', status: 201, params: { id: 'task_id' } },
    mcp: {
      tool: 'report_usage',
      title: 'Report usage',
      description:
        'Tokens (and cost_usd if known) your model calls spent on a task; pass agent_id, and session_id if any.',
    },
    ipc: true,
    docs: {
      tag,
      id: 'reportTaskUsage',
      summary: 'Report tokens and cost spent on a task',
      description: `${reportDescription} \`session_id\` (ours or the openclaw id) names one of the task’s sessions.`,
      body: { ...reportBody, agent_id: ex.ids.developer },
      result: ex.usageRecord,
      errors: [400, 404, 422],
    },
  }),
  'usage.reportSession': defineOperation({
    input: UsageReportBody.extend({ session_id: Id }),
    output: UsageRecord,
    access: 'write',
    http: {
      method: 'POST',
      path: '/api/openclaw/sessions/:id/usage',
      status: 201,
      params: { id: 'session_id' },
    },
    mcp: { omit: 'report_usage takes a session_id with the task it works on' },
    ipc: { omit: 'Sessions report from the agent runtime, not from the desktop window' },
    docs: {
      tag,
      id: 'reportSessionUsage',
      summary: 'Report tokens and cost spent by a session',
      description:
        `${reportDescription} The path takes our id or the \`openclaw_session_id\`; the report goes to the ` +
        'session’s task (if any) and agent (unless `agent_id` names another).',
      body: reportBody,
      result: ex.usageRecord,
      errors: [400, 404, 422],
    },
  }),
  'usage.ofTask': defineOperation({
    input: z.strictObject({ task_id: Id }),
    output: TaskUsageBreakdown,
    access: 'read',
    http: { method: 'GET', path: '/api/tasks/:id/usage', status: 200, params: { id: 'task_id' } },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag,
      id: 'taskUsage',
      summary: "A task's usage per session, agent and model",
      result: {
        rows: [
          {
            session_id: ex.ids.session,
            agent_id: ex.ids.developer,
            model: 'claude-sonnet-4',
            input_tokens: 182000,
            output_tokens: 24500,
            cache_read_tokens: 0,
            cache_write_tokens: 0,
            cost_usd: 0.913,
            reports: 12,
            unpriced_reports: 0,
          },
        ],
      },
      errors: [404],
    },
  }),
  'usage.summary': defineOperation({
    input: UsageQuery,
    output: UsageSummary,
    access: 'read',
    http: { method: 'GET', path: '/api/usage', status: 200 },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag,
      id: 'usageSummary',
      summary: 'Usage summed by task, agent, model or day',
      description:
        'Exact sums over reports with `from` ≤ created_at < `to` (ISO 8601 dates or date-times; a date is its ' +
        'midnight UTC). `day` keys are `YYYY-MM-DD` in UTC, oldest first; other groupings by cost, highest ' +
        'first. `key` is null for reports without a task or agent (or whose task or agent was deleted). ' +
        '`cost_usd` sums the known costs (null when none is known); `unpriced_reports` counts the others.',
      result: {
        rows: [
          {
            key: '2026-01-31',
            input_tokens: 182000,
            output_tokens: 24500,
            cache_read_tokens: 40000,
            cache_write_tokens: 0,
            cost_usd: 0.913,
            reports: 12,
            unpriced_reports: 0,
          },
        ],
      },
      errors: [400],
    },
  }),
  'prices.get': defineOperation({
    input: z.strictObject({}),
    output: Prices,
    access: 'read',
    http: { method: 'GET', path: '/api/settings/prices', status: 200 },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag,
      id: 'getPrices',
      summary: 'Model prices (USD per million tokens)',
      description: 'Empty until the owner sets them: no prices are built in.',
      result: pricesExample,
      errors: [],
    },
  }),
  'prices.set': defineOperation({
    input: z.strictObject({ prices: Prices }),
    output: Prices,
    access: 'owner',
    http: { method: 'PUT', path: '/api/settings/prices', status: 200, body: 'prices' },
    mcp: { omit: 'Owner only: agents never change prices' },
    ipc: true,
    docs: {
      tag,
      id: 'setPrices',
      summary: 'Replace the model prices (owner token only)',
      description:
        'The whole list. Reports without `cost_usd` are priced with it from now on (tokens × price ÷ 1,000,000, ' +
        'rounded half up to the micro-dollar); earlier reports keep their cost. A report with cache tokens of a ' +
        'kind whose price is missing has an unknown cost.',
      body: pricesExample,
      result: pricesExample,
      errors: [400],
    },
  }),
};
