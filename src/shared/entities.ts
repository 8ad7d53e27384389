// The shapes the API answers with. Zod schemas so the OpenAPI document and tests share them.
import { z } from 'zod';
import {
  ACTIVITY_TYPES,
  AGENT_PRESENCES,
  AGENT_STATUSES,
  ATTENTION_KINDS,
  COMMENT_AUTHORS,
  DELIVERABLE_TYPES,
  REVIEW_DECISIONS,
  SESSION_STATUSES,
  SESSION_TYPES,
  TASK_PRIORITIES,
  TASK_STATUSES,
} from './enums.ts';

const id = z.string();
const timestamp = z.string().describe('UTC ISO 8601 with milliseconds');
const metadata = z.record(z.string(), z.unknown()).nullable();

export const Agent = z.object({
  id,
  name: z.string(),
  role: z.string(),
  description: z.string().nullable(),
  avatar_emoji: z.string(),
  status: z.enum(AGENT_STATUSES),
  is_master: z.boolean(),
  created_at: timestamp,
  updated_at: timestamp,
  /** The last heartbeat, claim, renewal or write that named this agent; null when never seen. */
  last_seen_at: timestamp.nullable(),
  presence: z.enum(AGENT_PRESENCES),
});

/** Who holds a task and until when; renewed by heartbeats and `POST /api/tasks/:id/lease`. */
export const Lease = z.object({
  agent_id: id,
  expires_at: timestamp,
  lease_s: z.number().int(),
});

/**
 * A task's usage: its own reports and its sessions' (cost_usd sums the known costs; null: none known).
 * Plain numbers (whole token counts): every tool that answers a task repeats this schema to agents.
 */
export const TaskUsage = z.object({
  input_tokens: z.number(),
  output_tokens: z.number(),
  cost_usd: z.number().nullable(),
});

export const Task = z.object({
  id,
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  priority: z.enum(TASK_PRIORITIES),
  assigned_agent_id: id.nullable(),
  created_by_agent_id: id.nullable(),
  due_date: z.string().nullable(),
  version: z.number().int(),
  created_at: timestamp,
  updated_at: timestamp,
  /** Set while an agent holds the task through a claim; `GET` shows the current expiry. */
  lease: Lease.nullable(),
  /** How many times the task was claimed, whatever became of each claim. */
  claim_count: z.number().int(),
  /** Tasks that must be done before this one can be claimed. */
  depends_on: z.array(id),
  /** True while any dependency is not done. */
  blocked: z.boolean(),
  usage: TaskUsage,
  /** Spending limit in USD; null: none. */
  budget_usd: z.number().nullable(),
  /** Its cost reached budget_usd: claims skip it and its lease is not renewed until the budget is raised. */
  over_budget: z.boolean(),
});

export const Activity = z.object({
  id,
  task_id: id,
  agent_id: id.nullable(),
  activity_type: z.enum(ACTIVITY_TYPES),
  message: z.string(),
  metadata,
  created_at: timestamp,
});

export const Deliverable = z.object({
  id,
  task_id: id,
  deliverable_type: z.enum(DELIVERABLE_TYPES),
  title: z.string(),
  path: z.string().nullable(),
  description: z.string().nullable(),
  metadata,
  created_at: timestamp,
});

export const Session = z.object({
  id,
  agent_id: id.nullable(),
  openclaw_session_id: z.string(),
  agent_name: z.string().nullable(),
  channel: z.string().nullable(),
  status: z.enum(SESSION_STATUSES),
  session_type: z.enum(SESSION_TYPES),
  task_id: id.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
  ended_at: timestamp.nullable(),
  /** With a ttl, a session silent for longer becomes `stale` (null: never goes stale). */
  heartbeat_ttl_s: z.number().int().nullable(),
  last_heartbeat_at: timestamp.nullable(),
});

export const Comment = z.object({
  id,
  task_id: id,
  /** The agent that wrote it; null for the operator. */
  agent_id: id.nullable(),
  author: z.enum(COMMENT_AUTHORS),
  body: z.string(),
  created_at: timestamp,
});

/** One thing that needs a person now, computed from current state. */
export const AttentionItem = z.object({
  /** Stable for the thing it is about (`review:<task id>`); dismiss with it. */
  key: z.string(),
  kind: z.enum(ATTENTION_KINDS),
  task_id: id.optional(),
  session_id: id.optional(),
  agent_id: id.optional(),
  /** For `webhook_failing`: the webhook (owner only). */
  webhook_id: id.optional(),
  /** Since when it needs attention. */
  since: timestamp,
  message: z.string(),
});

export const ReviewDecided = z.object({
  task_id: id,
  decision: z.enum(REVIEW_DECISIONS),
  /** The stored comment that came with it, or null. */
  comment: Comment.nullable(),
  task: Task,
});

export const Snapshot = z.object({
  last_event_id: z.number().int(),
  /** Every task not done, and the newest done ones (Done column order: updated_at, newest first). */
  tasks: z.array(Task),
  /** How many tasks are done on the server, loaded or not. */
  done_total: z.number().int(),
  /** Cursor for `GET /api/snapshot/done?before=` (the older done tasks); null when `tasks` holds all. */
  done_next: z.string().nullable(),
  agents: z.array(Agent),
  sessions: z.array(Session),
});

/** One page of the Done column, older than the cursor it was asked with. */
export const DonePage = z.object({
  tasks: z.array(Task),
  /** Cursor for the next, older page; null when this one reached the oldest done task. */
  next: z.string().nullable(),
});

export type Agent = z.infer<typeof Agent>;
export type Task = z.infer<typeof Task>;
export type TaskUsage = z.infer<typeof TaskUsage>;
export type Lease = z.infer<typeof Lease>;
export type Activity = z.infer<typeof Activity>;
export type Deliverable = z.infer<typeof Deliverable>;
export type Session = z.infer<typeof Session>;
export type Snapshot = z.infer<typeof Snapshot>;
export type DonePage = z.infer<typeof DonePage>;
export type Comment = z.infer<typeof Comment>;
export type AttentionItem = z.infer<typeof AttentionItem>;
export type ReviewDecided = z.infer<typeof ReviewDecided>;
