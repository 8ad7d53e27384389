// The closed vocabularies of the data model; the database CHECK constraints use the same lists.
export const TASK_STATUSES = ['inbox', 'assigned', 'in_progress', 'testing', 'review', 'done'] as const;
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const AGENT_STATUSES = ['standby', 'working', 'offline'] as const;
export const ACTIVITY_TYPES = ['spawned', 'updated', 'completed', 'file_created', 'status_changed'] as const;
export const DELIVERABLE_TYPES = ['file', 'url', 'artifact'] as const;
export const SESSION_STATUSES = ['active', 'completed', 'failed'] as const;
export const SESSION_TYPES = ['persistent', 'subagent'] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type AgentStatus = (typeof AGENT_STATUSES)[number];
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type DeliverableType = (typeof DELIVERABLE_TYPES)[number];
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export type SessionType = (typeof SESSION_TYPES)[number];

export const STATUS_LABELS: Record<TaskStatus, string> = {
  inbox: 'Inbox',
  assigned: 'Assigned',
  in_progress: 'In Progress',
  testing: 'Testing',
  review: 'Review',
  done: 'Done',
};
