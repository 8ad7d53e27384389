// Usage and cost contracts (CONTROL_LOOP.md §5): a usage report, the summaries, the model prices.
import { z } from 'zod';
import { Id, LIMITS } from './inputs.ts';
import { toMicros } from './money.ts';

/** Token counts: whole numbers ≥ 0 (a trillion is far beyond any one report). */
const Tokens = z.number().int().min(0).max(1e12);
/** Dollars ≥ 0 whose micro-dollars are exact (see money.ts); a million per amount at most. */
const Usd = (max: number) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine((n) => toMicros(n) !== null, { message: 'must be a plain decimal amount' });
const Model = z.string().trim().min(1, 'must not be empty').max(LIMITS.name);

export const UsageReportBody = z.strictObject({
  model: Model,
  input_tokens: Tokens,
  output_tokens: Tokens,
  cache_read_tokens: Tokens.optional(),
  cache_write_tokens: Tokens.optional(),
  /** What the calls cost; without it the model's price (settings) decides, else unknown. */
  cost_usd: Usd(1_000_000).nullish(),
  /** Who spent it; a session's report defaults to the session's agent. */
  agent_id: Id.nullish(),
});

/** Token counts are whole numbers, declared as plain numbers: report_usage answers this to agents. */
export const UsageRecord = z.object({
  id: z.string(),
  task_id: z.string().nullable(),
  session_id: z.string().nullable(),
  agent_id: z.string().nullable(),
  model: z.string(),
  input_tokens: z.number(),
  output_tokens: z.number(),
  cache_read_tokens: z.number(),
  cache_write_tokens: z.number(),
  /** Null when unknown: no cost reported and no price for the model. */
  cost_usd: z.number().nullable(),
  created_at: z.string(),
});

export const USAGE_GROUPS = ['task', 'agent', 'model', 'day'] as const;
export type UsageGroup = (typeof USAGE_GROUPS)[number];

const Moment = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const UsageQuery = z.object({
  group_by: z.enum(USAGE_GROUPS),
  /** Inclusive; a date means its midnight UTC. */
  from: Moment.optional(),
  /** Exclusive. */
  to: Moment.optional(),
});

export const UsageRow = z.object({
  /** The task, agent or model id, or the UTC day `YYYY-MM-DD`; null: no task / agent (or deleted). */
  key: z.string().nullable(),
  input_tokens: z.number().int(),
  output_tokens: z.number().int(),
  cache_read_tokens: z.number().int(),
  cache_write_tokens: z.number().int(),
  /** The sum of the known costs; null when none of these reports has one. */
  cost_usd: z.number().nullable(),
  reports: z.number().int(),
  /** Reports without a known cost (not in cost_usd). */
  unpriced_reports: z.number().int(),
});

export const UsageSummary = z.object({ rows: z.array(UsageRow) });

/** One model's prices in USD per million tokens. */
export const ModelPrice = z.strictObject({
  input_per_mtok: Usd(1_000_000),
  output_per_mtok: Usd(1_000_000),
  cache_read_per_mtok: Usd(1_000_000).optional(),
  cache_write_per_mtok: Usd(1_000_000).optional(),
});

/** Model name → its prices. No prices are built in: they change. */
export const Prices = z.record(Model, ModelPrice).refine((p) => Object.keys(p).length <= 1000, {
  message: 'at most 1000 models',
});

/** A task's usage broken down for its Usage tab: per session and model. */
export const TaskUsageBreakdown = z.object({
  rows: z.array(
    UsageRow.omit({ key: true }).extend({
      session_id: z.string().nullable(),
      agent_id: z.string().nullable(),
      model: z.string(),
    }),
  ),
});

export type UsageReportBody = z.infer<typeof UsageReportBody>;
export type UsageRecord = z.infer<typeof UsageRecord>;
export type UsageQuery = z.infer<typeof UsageQuery>;
export type UsageRow = z.infer<typeof UsageRow>;
export type UsageSummary = z.infer<typeof UsageSummary>;
export type ModelPrice = z.infer<typeof ModelPrice>;
export type Prices = z.infer<typeof Prices>;
export type TaskUsageBreakdown = z.infer<typeof TaskUsageBreakdown>;
