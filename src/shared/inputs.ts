// One zod schema per input: HTTP, IPC, MCP and the OpenAPI document all validate with these.
import { z } from 'zod';
import {
  ACTIVITY_TYPES,
  AGENT_STATUSES,
  DELIVERABLE_TYPES,
  SESSION_STATUSES,
  SESSION_TYPES,
  TASK_PRIORITIES,
  TASK_STATUSES,
} from './enums.ts';
import { toMicros } from './money.ts';

export const LIMITS = { title: 500, text: 20_000, name: 200, metadataBytes: 64 * 1024 } as const;

/** Ids are opaque strings here; an unknown id is a 404 (or 422 when it is a reference), not a 400. */
export const Id = z.string().trim().min(1).max(200);
const text = (max: number) => z.string().max(max);
const nonEmpty = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const dueDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

const Metadata = z
  .record(z.string(), z.unknown())
  .refine((value) => JSON.stringify(value).length <= LIMITS.metadataBytes, {
    message: `metadata must serialise to at most ${LIMITS.metadataBytes} bytes`,
  });

/** Tasks that must be done first; unknown ids are 422, a cycle (self included) 409. */
const DependsOn = z.array(Id).max(100);

/** A task's spending limit in USD: at least one micro-dollar, exact in micro-dollars (money.ts). */
const BudgetUsd = z
  .number()
  .max(1_000_000_000)
  .refine((n) => (toMicros(n) ?? 0) >= 1, { message: 'must be at least 0.000001 (USD)' });

export const TaskCreate = z.strictObject({
  title: nonEmpty(LIMITS.title),
  description: text(LIMITS.text).nullish(),
  status: z.enum(TASK_STATUSES).default('inbox'),
  priority: z.enum(TASK_PRIORITIES).default('normal'),
  assigned_agent_id: Id.nullish(),
  created_by_agent_id: Id.nullish(),
  due_date: dueDate.nullish(),
  depends_on: DependsOn.optional(),
  budget_usd: BudgetUsd.nullish(),
});

export const TaskPatch = z
  .strictObject({
    title: nonEmpty(LIMITS.title),
    description: text(LIMITS.text).nullable(),
    status: z.enum(TASK_STATUSES),
    priority: z.enum(TASK_PRIORITIES),
    assigned_agent_id: Id.nullable(),
    due_date: dueDate.nullable(),
    /** Replaces the set of dependencies. */
    depends_on: DependsOn,
    /** null removes the budget; raising it above the cost lets the task be claimed again. */
    budget_usd: BudgetUsd.nullable(),
    /** Who made the change, for the status_changed activity it may log. */
    agent_id: Id.nullable(),
  })
  .partial();

/** Queries ignore unknown parameters (cache busters and the like); bodies refuse unknown fields. */
export const TaskListQuery = z.object({
  status: z.enum(TASK_STATUSES).optional(),
  assigned_agent_id: Id.optional(),
  q: z.string().max(LIMITS.name).optional(),
  limit: z.coerce.number().int().min(1).max(100_000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const AgentCreate = z.strictObject({
  name: nonEmpty(LIMITS.name),
  role: nonEmpty(LIMITS.name).default('agent'),
  description: text(LIMITS.text).nullish(),
  avatar_emoji: z.string().min(1).max(16).default('🤖'),
  status: z.enum(AGENT_STATUSES).default('standby'),
  is_master: z.boolean().default(false),
});

export const AgentPatch = z
  .strictObject({
    name: nonEmpty(LIMITS.name),
    role: nonEmpty(LIMITS.name),
    description: text(LIMITS.text).nullable(),
    avatar_emoji: z.string().min(1).max(16),
    status: z.enum(AGENT_STATUSES),
    is_master: z.boolean(),
  })
  .partial();

export const ActivityCreate = z.strictObject({
  activity_type: z.enum(ACTIVITY_TYPES),
  message: nonEmpty(LIMITS.text),
  agent_id: Id.nullish(),
  metadata: Metadata.nullish(),
});

export const ActivityListQuery = z.object({
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  /** Only activities of this type. */
  type: z.enum(ACTIVITY_TYPES).optional(),
  /** Only activities by this agent. */
  agent_id: Id.optional(),
  /** Only activities whose message matches this search (the syntax of GET /api/search). */
  q: z.string().trim().min(1, 'must not be empty').max(500).optional(),
});

const httpUrl = z.url({ protocol: /^https?$/, normalize: true });

export const DeliverableCreate = z
  .strictObject({
    deliverable_type: z.enum(DELIVERABLE_TYPES),
    title: nonEmpty(LIMITS.title),
    path: text(LIMITS.text).nullish(),
    description: text(LIMITS.text).nullish(),
    metadata: Metadata.nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.deliverable_type === 'url' && !httpUrl.safeParse(value.path).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['path'],
        message: 'a url deliverable needs an http(s) URL in path',
      });
    }
    if (value.deliverable_type === 'file' && !value.path?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['path'], message: 'a file deliverable needs a path' });
    }
  });

export const SubagentCreate = z.strictObject({
  openclaw_session_id: nonEmpty(LIMITS.name),
  agent_name: text(LIMITS.name).nullish(),
  agent_id: Id.nullish(),
  channel: text(LIMITS.name).nullish(),
  /** Without a heartbeat for this long the session turns `stale`; omitted, it never does. */
  heartbeat_ttl_s: z.number().int().min(10).max(86_400).nullish(),
});

export const SessionListQuery = z.object({
  session_type: z.enum(SESSION_TYPES).optional(),
  status: z.enum(SESSION_STATUSES).optional(),
  task_id: Id.optional(),
});

export const SessionPatch = z
  .strictObject({
    /** `stale` is the sweeper's to set; a caller ends a session (completed/failed) or keeps it active. */
    status: z.enum(SESSION_STATUSES).exclude(['stale']),
    channel: text(LIMITS.name).nullable(),
    agent_name: text(LIMITS.name).nullable(),
  })
  .partial();

export const IdParams = z.object({ id: Id });

export type TaskCreate = z.input<typeof TaskCreate>;
export type TaskPatch = z.infer<typeof TaskPatch>;
export type TaskListQuery = z.infer<typeof TaskListQuery>;
export type AgentCreate = z.input<typeof AgentCreate>;
export type AgentPatch = z.infer<typeof AgentPatch>;
export type ActivityCreate = z.input<typeof ActivityCreate>;
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;
export type DeliverableCreate = z.input<typeof DeliverableCreate>;
export type SubagentCreate = z.input<typeof SubagentCreate>;
export type SessionListQuery = z.infer<typeof SessionListQuery>;
export type SessionPatch = z.infer<typeof SessionPatch>;
