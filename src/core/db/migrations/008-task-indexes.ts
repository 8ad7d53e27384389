// Task indexes that earn their place on the write path (issue 18). Every create wrote into seven
// B-trees of tasks; three of those indexes held mostly NULLs or served one query:
// - idx_tasks_status (status, updated_at) served only the attention list's `status = 'review'`
//   branch (lists walk idx_tasks_created, claims idx_tasks_claim): a partial index over tasks in
//   review serves it, and a create (inbox) no longer writes to it.
// - idx_tasks_assigned / idx_tasks_created_by find the tasks of an agent (its delete, ON DELETE SET
//   NULL): `col = ?` implies `col IS NOT NULL`, so partial indexes without the NULL rows serve the same
//   lookups, and an unassigned create writes to neither.
// A create of 16 tasks per commit went from 23 to 16 WAL pages (bench/report/analysis.md).
import type { Migration } from './types.ts';

export const taskIndexes: Migration = {
  version: 8,
  name: 'task indexes: partial where most rows are NULL or not in review',
  sql: `
    DROP INDEX idx_tasks_status;
    CREATE INDEX idx_tasks_review ON tasks (status_changed_at) WHERE status = 'review';
    DROP INDEX idx_tasks_assigned;
    CREATE INDEX idx_tasks_assigned ON tasks (assigned_agent_id) WHERE assigned_agent_id IS NOT NULL;
    DROP INDEX idx_tasks_created_by;
    CREATE INDEX idx_tasks_created_by ON tasks (created_by_agent_id) WHERE created_by_agent_id IS NOT NULL;
  `,
};
