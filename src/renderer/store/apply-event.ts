// The pure reducer that folds stream events into BoardData: in id order, duplicates skipped, gaps reported.
import type { Comment, Task } from '../../shared/entities.ts';
import type { AgentDeleted, CommentAdded, StreamEvent, TaskUpdated } from '../../shared/events.ts';
import { exhaustive } from '../../shared/exhaustive.ts';
import {
  type BoardData,
  describeEvent,
  doneAfter,
  FEED_LIMIT,
  type FeedItem,
  rememberDeleted,
} from './board-data.ts';

/** `gap`: an event id jumped past lastEventId + 1; `reset`: the server cannot resume. Both mean refetch. */
type ApplyStatus = 'ok' | 'gap' | 'reset';

export interface ApplyResult {
  data: BoardData;
  status: ApplyStatus;
  /** How many events were folded in (duplicates are not counted). */
  applied: number;
}

type TableKey = 'tasks' | 'agents' | 'sessions' | 'activities' | 'deliverables' | 'comments';

/**
 * Copies each table at most once per batch, so a burst of 1,000 replayed events over 10,000 tasks
 * costs one copy of the task map instead of a thousand.
 */
class Draft {
  readonly data: BoardData;
  readonly #copied = new Set<TableKey>();
  constructor(data: BoardData) {
    this.data = { ...data };
  }
  table<K extends TableKey>(key: K): BoardData[K] {
    if (!this.#copied.has(key)) {
      this.data[key] = { ...this.data[key] };
      this.#copied.add(key);
    }
    return this.data[key];
  }
}

export function applyEvent(data: BoardData, event: StreamEvent): ApplyResult {
  return applyEvents(data, [event]);
}

export function applyEvents(data: BoardData, events: readonly StreamEvent[]): ApplyResult {
  const draft = new Draft(data);
  const feed: FeedItem[] = [];
  let applied = 0;
  for (const event of events) {
    if (event.type === 'reset') return finish(data, draft, feed, applied, 'reset');
    if (event.id <= draft.data.lastEventId) continue;
    if (event.id > draft.data.lastEventId + 1) return finish(data, draft, feed, applied, 'gap');
    feed.push({
      id: event.id,
      type: event.type,
      summary: describeEvent(event, draft.data),
      created_at: event.created_at,
    });
    fold(draft, event);
    draft.data.lastEventId = event.id;
    applied += 1;
  }
  return finish(data, draft, feed, applied, 'ok');
}

function finish(
  original: BoardData,
  draft: Draft,
  feed: FeedItem[],
  applied: number,
  status: ApplyStatus,
): ApplyResult {
  // Nothing new (duplicates only): hand back the same object so no selector re-renders.
  if (!applied) return { data: original, status, applied };
  draft.data.feed = [...feed.reverse(), ...draft.data.feed].slice(0, FEED_LIMIT);
  return { data: draft.data, status, applied };
}

function fold(draft: Draft, event: Exclude<StreamEvent, { type: 'reset' }>): void {
  const { data } = draft;
  switch (event.type) {
    case 'task_created':
    case 'task_updated': {
      const task = withoutPreviousStatus(event.payload);
      const current = data.tasks[task.id];
      // Our own command's answer may already hold a newer version than this event.
      if (!current || current.version <= task.version) draft.table('tasks')[task.id] = task;
      // The done count follows the events alone (answers merged early would count twice).
      const before = 'previous_status' in event.payload ? event.payload.previous_status : undefined;
      data.done = doneAfter(data.done, before, event.payload.status);
      return;
    }
    case 'task_deleted': {
      const { id, removed } = event.payload;
      // Every open task is on the board, so a task the board never loaded was done (older events
      // carry no status).
      data.done = rememberDeleted(
        doneAfter(data.done, event.payload.status ?? data.tasks[id]?.status ?? 'done', undefined),
        id,
      );
      delete draft.table('tasks')[id];
      // The task's own caches hold exactly its removed activities and deliverables.
      delete draft.table('activities')[id];
      delete draft.table('deliverables')[id];
      delete draft.table('comments')[id];
      for (const sessionId of removed.session_ids)
        if (data.sessions[sessionId]) delete draft.table('sessions')[sessionId];
      return;
    }
    case 'activity_logged': {
      const list = data.activities[event.payload.task_id];
      if (list && !list.some((a) => a.id === event.payload.id))
        draft.table('activities')[event.payload.task_id] = [...list, event.payload];
      return;
    }
    case 'deliverable_added': {
      const list = data.deliverables[event.payload.task_id];
      if (list && !list.some((d) => d.id === event.payload.id))
        draft.table('deliverables')[event.payload.task_id] = [...list, event.payload];
      return;
    }
    case 'agent_spawned':
    case 'agent_completed':
    case 'session_updated':
      draft.table('sessions')[event.payload.id] = event.payload;
      return;
    case 'agent_created':
    case 'agent_updated':
      draft.table('agents')[event.payload.id] = event.payload;
      return;
    case 'agent_deleted':
      foldAgentDeleted(draft, event.payload);
      return;
    case 'device_revoked':
      return; // not board data: the other-devices panel reloads its list when opened
    case 'comment_added': {
      const list = data.comments[event.payload.task_id];
      if (list && !list.some((c) => c.id === event.payload.id))
        draft.table('comments')[event.payload.task_id] = [...list, asComment(event.payload)];
      return;
    }
    case 'attention_dismissed':
    case 'webhook_health_changed':
      return; // the attention list is the server's: the bootstrap refetches it
    case 'review_decided':
      return; // the task's own task_updated, in the same commit, moves the card
    case 'usage_recorded': {
      // The task's totals move without a new version: the card's cost follows the report.
      const { task_id, task_usage, task_over_budget } = event.payload;
      const current = task_id ? data.tasks[task_id] : undefined;
      if (current && task_usage)
        draft.table('tasks')[current.id] = { ...current, usage: task_usage, over_budget: task_over_budget };
      return;
    }
    case 'budget_exceeded': {
      const { task } = event.payload;
      const current = data.tasks[task.id];
      if (!current || current.version <= task.version) draft.table('tasks')[task.id] = task;
      return;
    }
    default:
      exhaustive(event);
  }
}

/** The event carries the previous status and assignee for subscribers; the mirrored row is the task alone. */
function withoutPreviousStatus(payload: Task | TaskUpdated): Task {
  if (!('previous_status' in payload)) return payload;
  const { previous_status: _, previous_assigned_agent_id: __, ...task } = payload;
  return task;
}

/** The event adds whose inbox the comment reached; the cached row is the comment alone. */
function asComment(payload: CommentAdded): Comment {
  const { task_assigned_agent_id: _, ...comment } = payload;
  return comment;
}

/** Clears the references the server set to null, exactly on the rows the event lists. */
function foldAgentDeleted(draft: Draft, { id, cleared }: AgentDeleted): void {
  const { data } = draft;
  delete draft.table('agents')[id];
  const clearTask = (taskId: string, field: 'assigned_agent_id' | 'created_by_agent_id') => {
    const task = data.tasks[taskId];
    if (task) draft.table('tasks')[taskId] = { ...task, [field]: null };
  };
  for (const taskId of cleared.assigned_task_ids) clearTask(taskId, 'assigned_agent_id');
  for (const taskId of cleared.created_task_ids) clearTask(taskId, 'created_by_agent_id');
  for (const sessionId of cleared.session_ids) {
    const session = data.sessions[sessionId];
    if (session) draft.table('sessions')[sessionId] = { ...session, agent_id: null };
  }
  clearAgentOnRows(draft, 'activities', cleared.activity_ids);
  clearAgentOnRows(draft, 'comments', cleared.comment_ids);
}

type RowsWithAgent = Record<string, readonly { id: string; agent_id: string | null }[]>;

/** Sets agent_id to null on the cached rows (activities or comments) with these ids. */
function clearAgentOnRows(draft: Draft, key: 'activities' | 'comments', ids: readonly string[]): void {
  if (ids.length === 0) return;
  const wanted = new Set(ids);
  for (const [taskId, list] of Object.entries(draft.data[key] as RowsWithAgent)) {
    if (!list.some((row) => wanted.has(row.id))) continue;
    (draft.table(key) as RowsWithAgent)[taskId] = list.map((row) =>
      wanted.has(row.id) ? { ...row, agent_id: null } : row,
    );
  }
}
