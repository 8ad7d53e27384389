// Derived views of the store, memoised on their inputs so components re-render only when these change.

import type { Session, Task } from '../../shared/entities.ts';
import { STATUS_LABELS, TASK_STATUSES, type TaskStatus } from '../../shared/enums.ts';
import type { BoardState } from './store.ts';

/** Remembers the last inputs and answer (the store hands out new objects only on change). */
function memo<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | undefined;
  let lastResult: R;
  return (...args: A) => {
    if (lastArgs && args.length === lastArgs.length && args.every((a, i) => Object.is(a, lastArgs?.[i])))
      return lastResult;
    lastArgs = args;
    lastResult = compute(...args);
    return lastResult;
  };
}

type Columns = Record<TaskStatus, Task[]>;

const PRIORITY_RANK = { urgent: 0, high: 1, normal: 2, low: 3 } as const;

const computeColumns = (
  tasks: BoardState['data']['tasks'],
  optimistic: BoardState['optimistic'],
  search: string,
  agent: string | null,
  priority: string | null,
): Columns => {
  const columns = Object.fromEntries(TASK_STATUSES.map((s) => [s, [] as Task[]])) as Columns;
  const needle = search.trim().toLowerCase();
  for (const raw of Object.values(tasks)) {
    const task = optimistic[raw.id] ? { ...raw, ...optimistic[raw.id] } : raw;
    if (agent && task.assigned_agent_id !== agent) continue;
    if (priority && task.priority !== priority) continue;
    if (
      needle &&
      !task.title.toLowerCase().includes(needle) &&
      !task.description?.toLowerCase().includes(needle)
    )
      continue;
    columns[task.status].push(task);
  }
  // Newest activity on top, so what just changed is what you see without scrolling. The last tie
  // breaker, the id, matches the server's Done pages (updated_at, id), so a page lands below.
  for (const list of Object.values(columns))
    list.sort((a, b) =>
      a.updated_at === b.updated_at
        ? PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
        : a.updated_at < b.updated_at
          ? 1
          : -1,
    );
  return columns;
};

/** One selector instance per subscriber (memo state is per instance). */
export const makeSelectColumns = () => {
  const compute = memo(computeColumns);
  return (s: BoardState) =>
    compute(s.data.tasks, s.optimistic, s.ui.search, s.ui.agentFilter, s.ui.priorityFilter);
};

const isSubagent = (s: Session) => s.session_type === 'subagent';

export interface SubagentCounts {
  /** Active sub-agent sessions: the number the sidebar and the tray show. */
  total: number;
  byTask: Record<string, number>;
  byAgent: Record<string, number>;
  /** Sessions past their heartbeat ttl (`stale`), shown apart as "silent". */
  silent: number;
  silentByTask: Record<string, number>;
  silentByAgent: Record<string, number>;
}

const bump = (counts: Record<string, number>, key: string | null) => {
  if (key) counts[key] = (counts[key] ?? 0) + 1;
};

const computeCounts = (sessions: BoardState['data']['sessions']): SubagentCounts => {
  const counts: SubagentCounts = {
    total: 0,
    byTask: {},
    byAgent: {},
    silent: 0,
    silentByTask: {},
    silentByAgent: {},
  };
  for (const s of Object.values(sessions)) {
    if (!isSubagent(s)) continue;
    if (s.status === 'active') {
      counts.total += 1;
      bump(counts.byTask, s.task_id);
      bump(counts.byAgent, s.agent_id);
    } else if (s.status === 'stale') {
      counts.silent += 1;
      bump(counts.silentByTask, s.task_id);
      bump(counts.silentByAgent, s.agent_id);
    }
  }
  return counts;
};

const countsMemo = memo(computeCounts);
/** Active and silent sub-agent sessions, derived from pushed session events (never polled). */
export const selectSubagentCounts = (s: BoardState) => countsMemo(s.data.sessions);

/**
 * For each blocked task, how many of its dependencies are not done yet. Every open task is on the
 * board, so a dependency missing from it is an old done task not paged in (or a deleted one, which
 * the server drops from depends_on). One pass over the tasks per change of the task map.
 */
const waitingMemo = memo((tasks: BoardState['data']['tasks']): Record<string, number> => {
  const waiting: Record<string, number> = {};
  for (const task of Object.values(tasks)) {
    if (!task.blocked) continue;
    let open = 0;
    for (const id of task.depends_on) {
      const dependency = tasks[id];
      if (dependency && dependency.status !== 'done') open += 1;
    }
    waiting[task.id] = open;
  }
  return waiting;
});
export const selectWaitingCounts = (s: BoardState) => waitingMemo(s.data.tasks);

interface DependencyOption {
  value: string;
  label: string;
}
interface DependencyGroup {
  group: string;
  items: DependencyOption[];
}

/** Every task as a pickable dependency, grouped by column in board order, newest first in each. */
const dependencyOptionsMemo = memo((tasks: BoardState['data']['tasks']): DependencyGroup[] => {
  const groups = new Map(TASK_STATUSES.map((status) => [status, [] as Task[]]));
  for (const task of Object.values(tasks)) groups.get(task.status)?.push(task);
  return TASK_STATUSES.flatMap((status) => {
    const list = groups.get(status) ?? [];
    if (!list.length) return [];
    list.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
    return [{ group: STATUS_LABELS[status], items: list.map((t) => ({ value: t.id, label: t.title })) }];
  });
});
export const selectDependencyOptions = (s: BoardState) => dependencyOptionsMemo(s.data.tasks);

const agentsMemo = memo((agents: BoardState['data']['agents']) =>
  Object.values(agents).sort(
    (a, b) => Number(b.is_master) - Number(a.is_master) || a.name.localeCompare(b.name),
  ),
);
export const selectAgents = (s: BoardState) => agentsMemo(s.data.agents);

const sessionsOfTask = memo((sessions: BoardState['data']['sessions'], taskId: string | null) =>
  Object.values(sessions)
    .filter((x) => x.task_id === taskId)
    .sort((a, b) => (a.created_at < b.created_at ? 1 : -1)),
);
export const selectOpenTaskSessions = (s: BoardState) => sessionsOfTask(s.data.sessions, s.ui.openTaskId);

export const selectOpenTask = (s: BoardState) =>
  s.ui.openTaskId ? s.data.tasks[s.ui.openTaskId] : undefined;

/** The Done column's count and paging state (the board holds only some done tasks). */
export const selectDone = (s: BoardState) => s.data.done;
/** The `loading` key while a Done page is on its way. */
export const DONE_PAGE_LOADING = 'done-page';
export const selectDoneLoading = (s: BoardState) => s.loading[DONE_PAGE_LOADING] === true;
/** True while a search or filter narrows the columns: the Done column then pages only on request. */
export const selectFiltered = (s: BoardState) =>
  s.ui.search.trim() !== '' || s.ui.agentFilter !== null || s.ui.priorityFilter !== null;
