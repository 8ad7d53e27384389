// The pure reducer that folds stream events into BoardData: in id order, duplicates skipped, gaps reported.
import type { StreamEvent } from '../../shared/events.ts';
import { type BoardData, describeEvent, FEED_LIMIT, type FeedItem } from './board-data.ts';

/** `gap`: an event id jumped past lastEventId + 1; `reset`: the server cannot resume. Both mean refetch. */
export type ApplyStatus = 'ok' | 'gap' | 'reset';

export interface ApplyResult {
  data: BoardData;
  status: ApplyStatus;
  /** How many events were folded in (duplicates are not counted). */
  applied: number;
}

type TableKey = 'tasks' | 'agents' | 'sessions' | 'activities' | 'deliverables';

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
      const current = data.tasks[event.payload.id];
      // Our own command's answer may already hold a newer version than this event.
      if (!current || current.version <= event.payload.version)
        draft.table('tasks')[event.payload.id] = event.payload;
      return;
    }
    case 'task_deleted': {
      const id = event.payload.id;
      delete draft.table('tasks')[id];
      delete draft.table('activities')[id];
      delete draft.table('deliverables')[id];
      // Sessions of a task go with it (ON DELETE CASCADE, no event of their own).
      for (const session of Object.values(data.sessions))
        if (session.task_id === id) delete draft.table('sessions')[session.id];
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
      draft.table('sessions')[event.payload.id] = event.payload;
      return;
    case 'agent_created':
    case 'agent_updated':
      draft.table('agents')[event.payload.id] = event.payload;
      return;
    case 'agent_deleted': {
      const id = event.payload.id;
      delete draft.table('agents')[id];
      // ON DELETE SET NULL on the server, without events for the rows it touched.
      for (const task of Object.values(data.tasks))
        if (task.assigned_agent_id === id)
          draft.table('tasks')[task.id] = { ...task, assigned_agent_id: null };
      for (const session of Object.values(data.sessions))
        if (session.agent_id === id) draft.table('sessions')[session.id] = { ...session, agent_id: null };
      return;
    }
  }
}
