// Typed domain errors; the HTTP error handler (and IPC) map them to status codes and messages.
export type DomainErrorCode =
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'unprocessable'
  | 'server_unavailable'
  /** The agent does not hold the task's lease (expired, someone else's, or the task moved on). */
  | 'lease_lost'
  /** The dependencies would make a cycle (a task depending on itself, directly or not). */
  | 'dependency_cycle'
  /** A heartbeat for a session that has completed or failed. */
  | 'session_ended'
  /** A review decision for a task that is not in review. */
  | 'not_in_review'
  /** The task's cost reached its budget: its lease is not renewed until the budget is raised. */
  | 'over_budget'
  /** A search query that cannot be parsed (an unbalanced quote, a dangling operator). */
  | 'bad_query'
  /** A file too large to preview. */
  | 'too_large';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: unknown;
  constructor(code: DomainErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string, id: string) =>
  new DomainError('not_found', `${what} ${id} not found`, { id });

export const conflict = (message: string, details?: unknown) => new DomainError('conflict', message, details);

/** A well-formed input that names something that does not exist, or breaks a rule. */
export const unprocessable = (message: string, details?: unknown) =>
  new DomainError('unprocessable', message, details);

/** Something the operation needs is not running (the agent API, for the LAN switch). */
export const unavailable = (message: string) => new DomainError('server_unavailable', message);

export const overBudget = (taskId: string, budgetUsd: number | null, costUsd: number | null) =>
  new DomainError(
    'over_budget',
    `task ${taskId} is over its budget (cost ${costUsd ?? 0} USD of ${budgetUsd ?? 0} USD): stop work on it`,
    { task_id: taskId, budget_usd: budgetUsd, cost_usd: costUsd },
  );

export const leaseLost = (taskId: string, agentId: string, why: string) =>
  new DomainError('lease_lost', `agent ${agentId} does not hold the lease of task ${taskId}: ${why}`, {
    task_id: taskId,
    agent_id: agentId,
  });
