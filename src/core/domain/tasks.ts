// Tasks: the cards on the board, with optimistic concurrency through `version`, dependencies, and
// the lease a claim puts on them (leases.ts) ending when anyone moves the card away.
import type { Task } from '../../shared/entities.ts';
import { STATUS_LABELS } from '../../shared/enums.ts';
import { TaskCreate, TaskListQuery, TaskPatch } from '../../shared/inputs.ts';
import { toMicros } from '../../shared/money.ts';
import type { Activities } from './activities.ts';
import type { Agents } from './agents.ts';
import type { Dependencies } from './dependencies.ts';
import { conflict, notFound } from './errors.ts';
import { TASK_SELECT, type TaskRow, taskFromRow, updatedPayload } from './task-rows.ts';
import type { Transactions } from './transactions.ts';
import { budgetExceeded } from './usage.ts';

const LIKE_ESCAPE = /[\\%_]/g;

export function createTasks(
  tx: Transactions,
  agents: Agents,
  activities: () => Activities,
  dependencies: Dependencies,
) {
  const { db } = tx;
  const one = db.prepare<[string], TaskRow>(`SELECT ${TASK_SELECT} FROM tasks t WHERE t.id = ?`);
  const filtered = db.prepare<Record<string, unknown>, TaskRow>(`SELECT ${TASK_SELECT} FROM tasks t
    WHERE (@status IS NULL OR t.status = @status)
      AND (@assigned IS NULL OR t.assigned_agent_id = @assigned)
      AND (@q IS NULL OR t.title LIKE @q ESCAPE '\\' OR t.description LIKE @q ESCAPE '\\')
    ORDER BY t.created_at DESC, t.rowid DESC LIMIT @limit OFFSET @offset`);
  // Positional parameters: binding a dozen named ones from an object costs a property lookup each
  // through the native API (~1.4 µs of a ~12 µs insert, bench/report/analysis.md).
  const insert = db.prepare<Array<string | number | null>>(
    `INSERT INTO tasks (id, title, description, status, priority, assigned_agent_id, created_by_agent_id,
    due_date, version, created_at, updated_at, status_changed_at, budget_micros)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  // status_changed_at moves only with the status (the attention list's `since`); a task leaving the
  // inbox or assigned by hand no longer counts as "handed back by expiry" (SET reads the old row).
  const update = db.prepare(`UPDATE tasks SET title = @title, description = @description, status = @status,
    priority = @priority, assigned_agent_id = @assigned_agent_id, due_date = @due_date, version = @version,
    updated_at = @updated_at,
    status_changed_at = CASE WHEN status <> @status THEN @updated_at ELSE status_changed_at END,
    expired_at = CASE WHEN @status IN ('inbox', 'assigned') THEN expired_at ELSE NULL END,
    budget_micros = @budget_micros,
    over_budget_at = CASE WHEN @budget_micros IS NOT NULL AND usage_cost_micros >= @budget_micros
      THEN coalesce(over_budget_at, @updated_at) ELSE NULL END
    WHERE id = @id`);
  const endLease = db.prepare<[string]>(
    'UPDATE tasks SET lease_agent_id = NULL, lease_expires_at = NULL, lease_s = NULL WHERE id = ?',
  );
  const remove = db.prepare<[string]>('DELETE FROM tasks WHERE id = ?');
  // What the delete will cascade to, read in its transaction so the event can say so.
  const ids = (table: string) =>
    db.prepare<[string], string>(`SELECT id FROM ${table} WHERE task_id = ? ORDER BY rowid`).pluck();
  const cascaded = {
    activity_ids: ids('task_activities'),
    deliverable_ids: ids('task_deliverables'),
    session_ids: ids('openclaw_sessions'),
    comment_ids: ids('task_comments'),
  };

  const find = (id: string): Task | undefined => {
    const row = one.get(id);
    return row && taskFromRow(row);
  };
  const get = (id: string): Task => {
    const task = find(id);
    if (!task) throw notFound('task', id);
    return task;
  };
  /** Dependents' `blocked` follows this task's status: they hear it through their own task_updated. */
  const touchDependents = (ids: readonly string[], at: string) => {
    for (const id of ids) {
      const task = find(id);
      if (task) tx.emit('task_updated', updatedPayload(task, task), at);
    }
  };

  return {
    get,
    find,
    assertExists: (id: string): void => void get(id),
    list(query: Partial<TaskListQuery> = {}): Task[] {
      const { status, assigned_agent_id, q, limit, offset } = TaskListQuery.parse(query);
      return filtered
        .all({
          status: status ?? null,
          assigned: assigned_agent_id ?? null,
          q: q ? `%${q.replace(LIKE_ESCAPE, (c) => `\\${c}`)}%` : null,
          limit: limit ?? -1,
          offset: offset ?? 0,
        })
        .map(taskFromRow);
    },
    create(input: TaskCreate): Task {
      const data = TaskCreate.parse(input);
      return tx.write(() => {
        agents.assertExists(data.assigned_agent_id, 'assigned_agent_id');
        agents.assertExists(data.created_by_agent_id, 'created_by_agent_id');
        const now = tx.now();
        const id = tx.newId();
        const created: Task = {
          id,
          title: data.title,
          description: data.description ?? null,
          status: data.status,
          priority: data.priority,
          assigned_agent_id: data.assigned_agent_id ?? null,
          created_by_agent_id: data.created_by_agent_id ?? null,
          due_date: data.due_date ?? null,
          version: 1,
          created_at: now,
          updated_at: now,
          lease: null,
          claim_count: 0,
          depends_on: [],
          blocked: false,
          usage: { input_tokens: 0, output_tokens: 0, cost_usd: null },
          budget_usd: data.budget_usd ?? null,
          over_budget: false,
        };
        insert.run(
          id,
          created.title,
          created.description,
          created.status,
          created.priority,
          created.assigned_agent_id,
          created.created_by_agent_id,
          created.due_date,
          now,
          now,
          now,
          data.budget_usd == null ? null : toMicros(data.budget_usd),
        );
        if (data.created_by_agent_id) agents.seen(data.created_by_agent_id, now);
        // Only dependencies need a read back (is any of them not done?); a plain create writes once.
        if (data.depends_on?.length) dependencies.set(id, data.depends_on);
        const task = data.depends_on?.length ? get(id) : created;
        tx.emit('task_created', task, now);
        return task;
      });
    },
    /**
     * Applies a partial update. With `expectedVersion` (HTTP If-Match) a stale writer gets a
     * conflict instead of silently overwriting. A status change also logs `status_changed`.
     * Moving a leased task out of in_progress, or to another assignee, ends its lease.
     */
    update(id: string, patch: TaskPatch, expectedVersion?: number): Task {
      const { agent_id, depends_on, ...changes } = TaskPatch.parse(patch);
      return tx.write(() => {
        const before = get(id);
        if (expectedVersion !== undefined && expectedVersion !== before.version) {
          throw conflict(`task ${id} is at version ${before.version}, not ${expectedVersion}`, {
            current_version: before.version,
            current: before,
          });
        }
        agents.assertExists(changes.assigned_agent_id, 'assigned_agent_id');
        agents.assertExists(agent_id, 'agent_id');
        const now = tx.now();
        const next = { ...before, ...changes, version: before.version + 1, updated_at: now };
        update.run({ ...next, budget_micros: next.budget_usd === null ? null : toMicros(next.budget_usd) });
        if (depends_on) dependencies.set(id, depends_on);
        const lease = before.lease;
        if (lease && (next.status !== 'in_progress' || next.assigned_agent_id !== lease.agent_id))
          endLease.run(id);
        if (agent_id) agents.seen(agent_id, now);
        // Read back only what other rows decide (blocked, the lease it just ended, over budget);
        // else it is `next`.
        const budgetMoved = 'budget_usd' in changes;
        const task = depends_on || lease || budgetMoved ? get(id) : next;
        tx.emit('task_updated', updatedPayload(task, before), now);
        if (task.over_budget && !before.over_budget) tx.emit('budget_exceeded', budgetExceeded(task), now);
        if (task.status !== before.status) {
          activities().append(
            id,
            {
              activity_type: 'status_changed',
              message: `Moved from ${STATUS_LABELS[before.status]} to ${STATUS_LABELS[task.status]}`,
              agent_id: agent_id ?? null,
              metadata: { from: before.status, to: task.status },
            },
            now,
          );
          if (task.status === 'done' || before.status === 'done')
            touchDependents(dependencies.dependentsOf(id), now);
        }
        return task;
      });
    },
    /** Deletes the task with its activities, deliverables and sessions (ON DELETE CASCADE). */
    remove(id: string): { id: string } {
      return tx.write(() => {
        const before = get(id);
        const removed = {
          comment_ids: cascaded.comment_ids.all(id),
          activity_ids: cascaded.activity_ids.all(id),
          deliverable_ids: cascaded.deliverable_ids.all(id),
          session_ids: cascaded.session_ids.all(id),
        };
        const dependents = dependencies.dependentsOf(id);
        remove.run(id);
        const now = tx.now();
        tx.emit(
          'task_deleted',
          { id, assigned_agent_id: before.assigned_agent_id, status: before.status, removed },
          now,
        );
        touchDependents(dependents, now);
        return { id };
      });
    },
    touchDependents,
  };
}

export type Tasks = ReturnType<typeof createTasks>;
