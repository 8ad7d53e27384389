// The closed vocabularies of the data model; the database CHECK constraints use the same lists.
export const TASK_STATUSES = ['inbox', 'assigned', 'in_progress', 'testing', 'review', 'done'] as const;
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const AGENT_STATUSES = ['standby', 'working', 'offline'] as const;
export const ACTIVITY_TYPES = ['spawned', 'updated', 'completed', 'file_created', 'status_changed'] as const;
export const DELIVERABLE_TYPES = ['file', 'url', 'artifact'] as const;
/** `stale`: a session with a heartbeat ttl that went silent; a heartbeat makes it active again. */
export const SESSION_STATUSES = ['active', 'stale', 'completed', 'failed'] as const;
/** Derived from `last_seen_at`: online < 90 s, away < 10 min, offline beyond, unknown when never seen. */
export const AGENT_PRESENCES = ['online', 'away', 'offline', 'unknown'] as const;
export const SESSION_TYPES = ['persistent', 'subagent'] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type AgentStatus = (typeof AGENT_STATUSES)[number];
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type DeliverableType = (typeof DELIVERABLE_TYPES)[number];
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export type SessionType = (typeof SESSION_TYPES)[number];
export type AgentPresence = (typeof AGENT_PRESENCES)[number];
/** Who wrote a comment: an agent (with its id) or the person at the board. */
export const COMMENT_AUTHORS = ['agent', 'operator'] as const;
export const REVIEW_DECISIONS = ['approve', 'request_changes'] as const;
/** What the attention list holds; later capabilities add theirs (over_budget, webhook_failing). */
export const ATTENTION_KINDS = [
  'review',
  'stale_session',
  'failed_session',
  'lease_expired',
  'stuck',
  'over_budget',
  'webhook_failing',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export const PRIORITY_LABELS: Record<TaskPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

export const STATUS_LABELS: Record<TaskStatus, string> = {
  inbox: 'Inbox',
  assigned: 'Assigned',
  in_progress: 'In Progress',
  testing: 'Testing',
  review: 'Review',
  done: 'Done',
};
