// The event contract: one entry per event type, so the compiler finds every place that must handle it.
// Payloads carry what subscribers need (what a cascade touched, the status before), so no subscriber
// re-implements the database's rules. Fields are only ever added, never renamed or re-meant.
import type {
  Activity,
  Agent,
  Comment,
  Deliverable,
  ReviewDecided,
  Session,
  Task,
  TaskUsage,
} from './entities.ts';
import type { TaskStatus } from './enums.ts';
import type { UsageRecord } from './usage.ts';

/**
 * The task as stored after the update, plus its status and assignee before it (equal when they did
 * not move): who lost the task hears it too (the agent inbox).
 */
export type TaskUpdated = Task & { previous_status: TaskStatus; previous_assigned_agent_id: string | null };

/** A comment, plus who the task was assigned to when it was written (whose inbox it reaches). */
export type CommentAdded = Comment & { task_assigned_agent_id: string | null };

export interface TaskDeleted {
  id: string;
  /** Who the task was assigned to: the delete takes it away from them. */
  assigned_agent_id: string | null;
  /**
   * The task's status when deleted, so a board that never loaded an old done task still keeps its
   * done count. Absent from events stored before it was added.
   */
  status?: TaskStatus;
  /** The rows ON DELETE CASCADE removed with the task; they get no events of their own. */
  removed: {
    activity_ids: string[];
    deliverable_ids: string[];
    session_ids: string[];
    comment_ids: string[];
  };
}

/**
 * A usage report, plus its task's totals after it (null without a task) and who the task is
 * assigned to: the board moves the card's cost without a new task version.
 */
export type UsageRecorded = UsageRecord & {
  task_usage: TaskUsage | null;
  task_over_budget: boolean;
  task_assigned_agent_id: string | null;
};

export interface BudgetExceeded {
  /** The task as it is now (over_budget true). */
  task: Task;
  budget_usd: number;
  cost_usd: number;
}

export interface AgentDeleted {
  id: string;
  /**
   * The rows that stay but no longer name the agent (ON DELETE SET NULL, no events of their own):
   * tasks.assigned_agent_id, tasks.created_by_agent_id, sessions.agent_id, activities.agent_id.
   */
  cleared: {
    assigned_task_ids: string[];
    created_task_ids: string[];
    session_ids: string[];
    activity_ids: string[];
    comment_ids: string[];
  };
}

export interface EventPayloads {
  task_created: Task;
  task_updated: TaskUpdated;
  task_deleted: TaskDeleted;
  activity_logged: Activity;
  deliverable_added: Deliverable;
  /** A sub-agent session was registered. */
  agent_spawned: Session;
  /** A session ended (completed or failed). */
  agent_completed: Session;
  /** A session changed without ending: went stale, was revived by a heartbeat, was edited. */
  session_updated: Session;
  agent_created: Agent;
  agent_updated: Agent;
  agent_deleted: AgentDeleted;
  /** The owner revoked a device token: that device's open streams end, its panels drop it. */
  device_revoked: { id: string };
  comment_added: CommentAdded;
  /** The operator approved a task in review or sent it back to its assignee. */
  review_decided: ReviewDecided;
  /** An attention item was dismissed until its subject changes again. */
  attention_dismissed: { key: string; since: string };
  /** A usage report was stored (the task's version does not move; its totals come along). */
  usage_recorded: UsageRecorded;
  /** A task's cost reached its budget: claims skip it and its lease is not renewed until it is raised. */
  budget_exceeded: BudgetExceeded;
  /**
   * A webhook started or stopped needing attention: 5 failures in a row (`failing`), turned off after
   * 24 h of failures (`disabled`), or off the list again (`cleared`: accepted again, turned on or off
   * by the owner, removed). No URL, no secret: the stream also
   * reaches devices; the owner reads the webhook itself.
   */
  webhook_health_changed: WebhookHealthChanged;
}

export interface WebhookHealthChanged {
  webhook_id: string;
  state: 'failing' | 'disabled' | 'cleared';
  /** Failed attempts in a row (0 when cleared). */
  failures: number;
}

export type EventType = keyof EventPayloads;

export const EVENT_TYPES = [
  'task_created',
  'task_updated',
  'task_deleted',
  'activity_logged',
  'deliverable_added',
  'agent_spawned',
  'agent_completed',
  'session_updated',
  'agent_created',
  'agent_updated',
  'agent_deleted',
  'device_revoked',
  'comment_added',
  'review_decided',
  'attention_dismissed',
  'usage_recorded',
  'budget_exceeded',
  'webhook_health_changed',
] as const satisfies readonly EventType[];

/** A stored event, as the log keeps it and the stream sends it (`id:` line + `data:` JSON). */
export type DomainEvent = {
  [K in EventType]: { id: number; type: K; payload: EventPayloads[K]; created_at: string };
}[EventType];

/** Sent (not stored) when a client resumes from an id the log no longer holds: refetch the snapshot. */
export interface ResetEvent {
  id: number;
  type: 'reset';
  payload: { last_event_id: number; reason: string };
}

export type StreamEvent = DomainEvent | ResetEvent;
