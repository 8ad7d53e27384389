// The server-mirrored data of the board, and the pure functions that change it (no React, no I/O).
import type {
  Activity,
  Agent,
  Comment,
  Deliverable,
  DonePage,
  Session,
  Snapshot,
  Task,
} from '../../shared/entities.ts';
import type { DomainEvent, EventType } from '../../shared/events.ts';
import { exhaustive } from '../../shared/exhaustive.ts';
import { formatUsd } from '../../shared/money.ts';

export interface FeedItem {
  id: number;
  type: EventType;
  summary: string;
  created_at: string;
}

export interface BoardData {
  /** The id of the last event folded in; the stream resumes after it. */
  lastEventId: number;
  tasks: Record<string, Task>;
  agents: Record<string, Agent>;
  sessions: Record<string, Session>;
  /** Per-task caches, present only for tasks someone opened; events keep them current. */
  activities: Record<string, Activity[]>;
  deliverables: Record<string, Deliverable[]>;
  /** The task's conversation, oldest first. */
  comments: Record<string, Comment[]>;
  /** Recent events, newest first. */
  feed: FeedItem[];
  /** The Done column: `tasks` holds every open task but only some done ones (snapshot window, pages). */
  done: DoneState;
}

export interface DoneState {
  /** How many tasks are done on the server (the column's count), kept live by events. */
  total: number;
  /** The cursor of the next older page; null once every done task is loaded. */
  next: string | null;
  /** Tasks deleted since the snapshot: a page read before their delete must not bring them back. */
  deleted: string[];
}

/** How many deleted ids the board remembers against late pages (a page is in flight for ms, not minutes). */
const DELETED_KEPT = 500;

export const FEED_LIMIT = 50;

export const emptyBoard = (): BoardData => ({
  lastEventId: 0,
  tasks: {},
  agents: {},
  sessions: {},
  activities: {},
  deliverables: {},
  comments: {},
  feed: [],
  done: { total: 0, next: null, deleted: [] },
});

const byId = <T extends { id: string }>(items: readonly T[]): Record<string, T> => {
  const out: Record<string, T> = {};
  for (const item of items) out[item.id] = item;
  return out;
};

/** A fresh snapshot replaces the mirrored rows; open caches are kept (the bootstrap reloads them). */
export function fromSnapshot(snapshot: Snapshot, previous: BoardData = emptyBoard()): BoardData {
  return {
    ...previous,
    lastEventId: snapshot.last_event_id,
    tasks: byId(snapshot.tasks),
    agents: byId(snapshot.agents),
    sessions: byId(snapshot.sessions),
    done: { total: snapshot.done_total, next: snapshot.done_next, deleted: [] },
  };
}

/**
 * Merges a page of older done tasks, asked with cursor `before`. A page for another cursor (a new
 * snapshot came meanwhile, or the same page was asked twice) is dropped; rows the stream already
 * brought at a newer version, or deleted, are kept as the stream left them.
 */
export function mergeDonePage(data: BoardData, before: string, page: DonePage): BoardData {
  if (data.done.next !== before) return data;
  const tasks = { ...data.tasks };
  const deleted = new Set(data.done.deleted);
  for (const task of page.tasks) {
    const current = tasks[task.id];
    if (deleted.has(task.id) || (current && current.version >= task.version)) continue;
    tasks[task.id] = task;
  }
  return { ...data, tasks, done: { ...data.done, next: page.next } };
}

/** The done count after one task event: `before` is the status it had, `after` the one it has now. */
export function doneAfter(done: DoneState, before: string | undefined, after: string | undefined): DoneState {
  const delta = (after === 'done' ? 1 : 0) - (before === 'done' ? 1 : 0);
  return delta ? { ...done, total: Math.max(0, done.total + delta) } : done;
}

/** Remembers a deleted task against pages read before its delete. */
export const rememberDeleted = (done: DoneState, id: string): DoneState => ({
  ...done,
  deleted: [...done.deleted.slice(-(DELETED_KEPT - 1)), id],
});

/** Merges a task the server answered with (our own command's result); an older version never wins. */
export function mergeTask(data: BoardData, task: Task): BoardData {
  const current = data.tasks[task.id];
  if (current && current.version >= task.version) return data;
  return { ...data, tasks: { ...data.tasks, [task.id]: task } };
}

/** Merges rows loaded for a task cache with whatever events already put there, oldest first. */
export function mergeRows<T extends { id: string; created_at: string }>(
  existing: readonly T[] | undefined,
  loaded: readonly T[],
): T[] {
  const map = new Map<string, T>();
  for (const row of loaded) map.set(row.id, row);
  for (const row of existing ?? []) map.set(row.id, row);
  return [...map.values()].sort((a, b) =>
    a.created_at === b.created_at ? 0 : a.created_at < b.created_at ? -1 : 1,
  );
}

export function describeEvent(event: DomainEvent, data: BoardData): string {
  const taskTitle = (id: string | null) => (id ? (data.tasks[id]?.title ?? 'a task') : 'no task');
  switch (event.type) {
    case 'task_created':
      return `Task created: ${event.payload.title}`;
    case 'task_updated':
      return `Task updated: ${event.payload.title}`;
    case 'task_deleted':
      return `Task deleted: ${taskTitle(event.payload.id)}`;
    case 'activity_logged':
      return `${taskTitle(event.payload.task_id)}: ${event.payload.message}`;
    case 'deliverable_added':
      return `Deliverable on ${taskTitle(event.payload.task_id)}: ${event.payload.title}`;
    case 'agent_spawned':
      return `Sub-agent ${event.payload.agent_name ?? event.payload.openclaw_session_id} started`;
    case 'agent_completed':
      return `Sub-agent ${event.payload.agent_name ?? event.payload.openclaw_session_id} ${event.payload.status}`;
    case 'session_updated':
      return `Sub-agent ${event.payload.agent_name ?? event.payload.openclaw_session_id} is ${event.payload.status === 'stale' ? 'silent' : event.payload.status}`;
    case 'agent_created':
      return `Agent joined: ${event.payload.name}`;
    case 'agent_updated':
      return `Agent ${event.payload.name} is ${event.payload.status}`;
    case 'agent_deleted':
      return `Agent removed: ${data.agents[event.payload.id]?.name ?? event.payload.id}`;
    case 'device_revoked':
      return 'A device token was revoked';
    case 'comment_added':
      return `${taskTitle(event.payload.task_id)}: ${event.payload.author} commented: ${event.payload.body.slice(0, 120)}`;
    case 'review_decided':
      return `${event.payload.decision === 'approve' ? 'Approved' : 'Changes requested'}: ${event.payload.task.title}`;
    case 'attention_dismissed':
      return 'An attention item was dismissed';
    case 'webhook_health_changed':
      return event.payload.state === 'cleared'
        ? 'A webhook no longer needs attention'
        : event.payload.state === 'failing'
          ? `A webhook is failing (${event.payload.failures} attempts in a row)`
          : 'A webhook was turned off after 24 h of failures';
    case 'usage_recorded':
      return `${taskTitle(event.payload.task_id)}: ${event.payload.model} used ${event.payload.input_tokens + event.payload.output_tokens} tokens (${formatUsd(event.payload.cost_usd)})`;
    case 'budget_exceeded':
      return `Over budget: ${event.payload.task.title} (${formatUsd(event.payload.cost_usd)} of ${formatUsd(event.payload.budget_usd)})`;
    default:
      exhaustive(event);
      return 'Something changed';
  }
}
