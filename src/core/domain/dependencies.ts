// Task dependencies: which tasks must be done before a task can be claimed. Cycles are refused.
import { DomainError, unprocessable } from './errors.ts';
import type { Transactions } from './transactions.ts';

export function createDependencies(tx: Transactions) {
  const { db } = tx;
  const clear = db.prepare<[string]>('DELETE FROM task_dependencies WHERE task_id = ?');
  const add = db.prepare<[string, string]>(
    'INSERT INTO task_dependencies (task_id, depends_on_id) VALUES (?, ?)',
  );
  const missing = db
    .prepare<[string], string>(
      'SELECT j.value FROM json_each(?) j WHERE NOT EXISTS (SELECT 1 FROM tasks WHERE id = j.value)',
    )
    .pluck();
  // Everything the new dependencies reach, following depends_on edges: the task itself among them is a cycle.
  const reaches = db.prepare<{ ids: string; task: string }, number>(`WITH RECURSIVE reach(id) AS (
      SELECT value FROM json_each(@ids)
      UNION SELECT d.depends_on_id FROM task_dependencies d JOIN reach r ON d.task_id = r.id)
    SELECT 1 FROM reach WHERE id = @task LIMIT 1`);
  const dependents = db
    .prepare<[string], string>(
      'SELECT task_id FROM task_dependencies WHERE depends_on_id = ? ORDER BY task_id',
    )
    .pluck();

  return {
    /** Replaces the dependencies of `taskId` inside the caller's write. */
    set(taskId: string, ids: readonly string[]): void {
      const unique = [...new Set(ids)];
      const json = JSON.stringify(unique);
      const unknown = missing.all(json);
      if (unknown.length > 0)
        throw unprocessable(`depends_on: task ${unknown[0]} does not exist`, {
          field: 'depends_on',
          ids: unknown,
        });
      if (reaches.get({ ids: json, task: taskId }) !== undefined)
        throw new DomainError('dependency_cycle', `task ${taskId} would depend on itself`, {
          depends_on: unique,
        });
      clear.run(taskId);
      for (const id of unique) add.run(taskId, id);
    },
    /** The tasks that depend on `taskId` (whose `blocked` may change with it). */
    dependentsOf: (taskId: string): string[] => dependents.all(taskId),
  };
}

export type Dependencies = ReturnType<typeof createDependencies>;
