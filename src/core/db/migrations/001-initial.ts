// The first schema: the tables of DESIGN.md with their enums, cascades and indexes.
// Shipped, so frozen: the SQL is literal (enum lists copied from src/shared/enums.ts as they were)
// because building it from live enums would silently rewrite it; schema-enums.test.ts catches drift.
import type { Migration } from './types.ts';

export const initial: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `
    CREATE TABLE agents (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      role TEXT NOT NULL,
      description TEXT,
      avatar_emoji TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('standby', 'working', 'offline')),
      is_master INTEGER NOT NULL DEFAULT 0 CHECK (is_master IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE tasks (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      description TEXT,
      status TEXT NOT NULL CHECK (status IN ('inbox', 'assigned', 'in_progress', 'testing', 'review', 'done')),
      priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
      assigned_agent_id TEXT REFERENCES agents(id) ON DELETE SET NULL,
      created_by_agent_id TEXT REFERENCES agents(id) ON DELETE SET NULL,
      due_date TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX idx_tasks_status ON tasks (status, updated_at);
    CREATE INDEX idx_tasks_assigned ON tasks (assigned_agent_id);
    CREATE INDEX idx_tasks_created_by ON tasks (created_by_agent_id);

    CREATE TABLE task_activities (
      id TEXT PRIMARY KEY,
      task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      agent_id TEXT REFERENCES agents(id) ON DELETE SET NULL,
      activity_type TEXT NOT NULL CHECK (activity_type IN ('spawned', 'updated', 'completed', 'file_created', 'status_changed')),
      message TEXT NOT NULL,
      metadata TEXT CHECK (metadata IS NULL OR json_valid(metadata)),
      created_at TEXT NOT NULL
    );
    CREATE INDEX idx_activities_task ON task_activities (task_id, created_at);
    CREATE INDEX idx_activities_agent ON task_activities (agent_id);

    CREATE TABLE task_deliverables (
      id TEXT PRIMARY KEY,
      task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      deliverable_type TEXT NOT NULL CHECK (deliverable_type IN ('file', 'url', 'artifact')),
      title TEXT NOT NULL,
      path TEXT,
      description TEXT,
      metadata TEXT CHECK (metadata IS NULL OR json_valid(metadata)),
      created_at TEXT NOT NULL
    );
    CREATE INDEX idx_deliverables_task ON task_deliverables (task_id, created_at);

    CREATE TABLE openclaw_sessions (
      id TEXT PRIMARY KEY,
      agent_id TEXT REFERENCES agents(id) ON DELETE SET NULL,
      openclaw_session_id TEXT NOT NULL UNIQUE,
      agent_name TEXT,
      channel TEXT,
      status TEXT NOT NULL CHECK (status IN ('active', 'completed', 'failed')),
      session_type TEXT NOT NULL CHECK (session_type IN ('persistent', 'subagent')),
      task_id TEXT REFERENCES tasks(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      ended_at TEXT
    );
    CREATE INDEX idx_openclaw_sessions_task ON openclaw_sessions (task_id);
    CREATE INDEX idx_openclaw_sessions_status ON openclaw_sessions (status, session_type);
    CREATE INDEX idx_openclaw_sessions_agent ON openclaw_sessions (agent_id);

    CREATE TABLE events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      type TEXT NOT NULL,
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      created_at TEXT NOT NULL
    );
  `,
};
