// Derived views of the store, memoised on their inputs so components re-render only when these change.

import type { Session, Task } from '../../shared/entities.ts';
import { TASK_STATUSES, type TaskStatus } from '../../shared/enums.ts';
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
  // Newest activity on top, so what just changed is what you see without scrolling.
  for (const list of Object.values(columns))
    list.sort((a, b) =>
      a.updated_at === b.updated_at
        ? PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority]
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

const isActiveSubagent = (s: Session) => s.status === 'active' && s.session_type === 'subagent';

export interface SubagentCounts {
  total: number;
  byTask: Record<string, number>;
  byAgent: Record<string, number>;
}

const computeCounts = (sessions: BoardState['data']['sessions']): SubagentCounts => {
  const counts: SubagentCounts = { total: 0, byTask: {}, byAgent: {} };
  for (const s of Object.values(sessions)) {
    if (!isActiveSubagent(s)) continue;
    counts.total += 1;
    if (s.task_id) counts.byTask[s.task_id] = (counts.byTask[s.task_id] ?? 0) + 1;
    if (s.agent_id) counts.byAgent[s.agent_id] = (counts.byAgent[s.agent_id] ?? 0) + 1;
  }
  return counts;
};

const countsMemo = memo(computeCounts);
/** Active sub-agent sessions, derived from pushed session events (never polled). */
export const selectSubagentCounts = (s: BoardState) => countsMemo(s.data.sessions);

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
