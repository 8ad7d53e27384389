// The human in the loop (CONTROL_LOOP.md §3): task comments, and dismissed attention items.
import type { Migration } from './types.ts';

export const conversation: Migration = {
  version: 7,
  name: 'comments and attention dismissals',
  sql: `
    CREATE TABLE task_comments (
      id TEXT PRIMARY KEY,
      task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      agent_id TEXT REFERENCES agents(id) ON DELETE SET NULL,
      author TEXT NOT NULL CHECK (author IN ('agent', 'operator')),
      body TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX idx_comments_task ON task_comments (task_id, created_at);
    CREATE INDEX idx_comments_agent ON task_comments (agent_id);

    -- An item stays hidden while its \`since\` is the one dismissed; when the thing changes again
    -- (a new since), it is back.
    CREATE TABLE attention_dismissals (
      key TEXT PRIMARY KEY,
      since TEXT NOT NULL,
      dismissed_at TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE INDEX idx_tasks_expired ON tasks (expired_at) WHERE expired_at IS NOT NULL;

    -- When the status last changed: "waits in review since", unmoved by edits of the title.
    ALTER TABLE tasks ADD COLUMN status_changed_at TEXT;
    UPDATE tasks SET status_changed_at = updated_at;
  `,
};
