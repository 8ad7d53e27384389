// Tasks: the cards on the board, with optimistic concurrency through `version`.
import type { Task } from '../../shared/entities.ts';
import { STATUS_LABELS } from '../../shared/enums.ts';
import { TaskCreate, TaskListQuery, TaskPatch } from '../../shared/inputs.ts';
import type { Activities } from './activities.ts';
import type { Agents } from './agents.ts';
import { conflict, notFound } from './errors.ts';
import type { Transactions } from './transactions.ts';

const LIKE_ESCAPE = /[\\%_]/g;

export function createTasks(tx: Transactions, agents: Agents, activities: () => Activities) {
  const { db } = tx;
  const one = db.prepare<[string], Task>('SELECT * FROM tasks WHERE id = ?');
  const filtered = db.prepare<Record<string, unknown>, Task>(`SELECT * FROM tasks
    WHERE (@status IS NULL OR status = @status)
      AND (@assigned IS NULL OR assigned_agent_id = @assigned)
      AND (@q IS NULL OR title LIKE @q ESCAPE '\\' OR description LIKE @q ESCAPE '\\')
    ORDER BY created_at DESC, rowid DESC LIMIT @limit OFFSET @offset`);
  const insert = db.prepare(`INSERT INTO tasks (id, title, description, status, priority, assigned_agent_id,
    created_by_agent_id, due_date, version, created_at, updated_at)
    VALUES (@id, @title, @description, @status, @priority, @assigned_agent_id, @created_by_agent_id,
    @due_date, @version, @created_at, @updated_at)`);
  const update = db.prepare(`UPDATE tasks SET title = @title, description = @description, status = @status,
    priority = @priority, assigned_agent_id = @assigned_agent_id, due_date = @due_date, version = @version,
    updated_at = @updated_at WHERE id = @id`);
  const remove = db.prepare<[string]>('DELETE FROM tasks WHERE id = ?');
  // What the delete will cascade to, read in its transaction so the event can say so.
  const ids = (table: string) =>
    db.prepare<[string], string>(`SELECT id FROM ${table} WHERE task_id = ? ORDER BY rowid`).pluck();
  const cascaded = {
    activity_ids: ids('task_activities'),
    deliverable_ids: ids('task_deliverables'),
    session_ids: ids('openclaw_sessions'),
  };

  const get = (id: string): Task => {
    const task = one.get(id);
    if (!task) throw notFound('task', id);
    return task;
  };

  return {
    get,
    assertExists: (id: string): void => void get(id),
    list(query: Partial<TaskListQuery> = {}): Task[] {
      const { status, assigned_agent_id, q, limit, offset } = TaskListQuery.parse(query);
      return filtered.all({
        status: status ?? null,
        assigned: assigned_agent_id ?? null,
        q: q ? `%${q.replace(LIKE_ESCAPE, (c) => `\\${c}`)}%` : null,
        limit: limit ?? -1,
        offset: offset ?? 0,
      });
    },
    create(input: TaskCreate): Task {
      const data = TaskCreate.parse(input);
      return tx.write(() => {
        agents.assertExists(data.assigned_agent_id, 'assigned_agent_id');
        agents.assertExists(data.created_by_agent_id, 'created_by_agent_id');
        const now = tx.now();
        const task: Task = {
          id: tx.newId(),
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
        };
        insert.run(task);
        tx.emit('task_created', task, now);
        return task;
      });
    },
    /**
     * Applies a partial update. With `expectedVersion` (HTTP If-Match) a stale writer gets a
     * conflict instead of silently overwriting. A status change also logs `status_changed`.
     */
    update(id: string, patch: TaskPatch, expectedVersion?: number): Task {
      const { agent_id, ...changes } = TaskPatch.parse(patch);
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
        const task: Task = { ...before, ...changes, version: before.version + 1, updated_at: now };
        update.run(task);
        tx.emit('task_updated', { ...task, previous_status: before.status }, now);
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
        }
        return task;
      });
    },
    /** Deletes the task with its activities, deliverables and sessions (ON DELETE CASCADE). */
    remove(id: string): { id: string } {
      return tx.write(() => {
        const removed = {
          activity_ids: cascaded.activity_ids.all(id),
          deliverable_ids: cascaded.deliverable_ids.all(id),
          session_ids: cascaded.session_ids.all(id),
        };
        if (remove.run(id).changes === 0) throw notFound('task', id);
        tx.emit('task_deleted', { id, removed });
        return { id };
      });
    },
  };
}

export type Tasks = ReturnType<typeof createTasks>;
