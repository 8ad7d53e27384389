// The work loop (CONTROL_LOOP.md §1–2): agent presence, session heartbeats and the `stale` status,
// task leases and claims, dependencies. Sessions are rebuilt: SQLite cannot ALTER a CHECK.
import type { Migration } from './types.ts';

export const workLoop: Migration = {
  version: 6,
  name: 'work loop: presence, heartbeats, leases, dependencies',
  sql: `
    ALTER TABLE agents ADD COLUMN last_seen_at TEXT;
    ALTER TABLE agents ADD COLUMN presence TEXT NOT NULL DEFAULT 'unknown'
      CHECK (presence IN ('online', 'away', 'offline', 'unknown'));
    CREATE INDEX idx_agents_seen ON agents (last_seen_at) WHERE presence IN ('online', 'away');

    CREATE TABLE openclaw_sessions_new (
      id TEXT PRIMARY KEY,
      agent_id TEXT REFERENCES agents(id) ON DELETE SET NULL,
      openclaw_session_id TEXT NOT NULL UNIQUE,
      agent_name TEXT,
      channel TEXT,
      status TEXT NOT NULL CHECK (status IN ('active', 'stale', 'completed', 'failed')),
      session_type TEXT NOT NULL CHECK (session_type IN ('persistent', 'subagent')),
      task_id TEXT REFERENCES tasks(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      ended_at TEXT,
      heartbeat_ttl_s INTEGER CHECK (heartbeat_ttl_s IS NULL OR heartbeat_ttl_s BETWEEN 10 AND 86400),
      last_heartbeat_at TEXT,
      stale_at TEXT
    );
    INSERT INTO openclaw_sessions_new
      (id, agent_id, openclaw_session_id, agent_name, channel, status, session_type, task_id,
       created_at, updated_at, ended_at)
      SELECT id, agent_id, openclaw_session_id, agent_name, channel, status, session_type, task_id,
       created_at, updated_at, ended_at FROM openclaw_sessions;
    DROP TABLE openclaw_sessions;
    ALTER TABLE openclaw_sessions_new RENAME TO openclaw_sessions;
    CREATE INDEX idx_openclaw_sessions_task ON openclaw_sessions (task_id);
    CREATE INDEX idx_openclaw_sessions_status ON openclaw_sessions (status, session_type);
    CREATE INDEX idx_openclaw_sessions_agent ON openclaw_sessions (agent_id);
    CREATE INDEX idx_openclaw_sessions_due ON openclaw_sessions (stale_at) WHERE status = 'active';

    ALTER TABLE tasks ADD COLUMN claim_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE tasks ADD COLUMN expiry_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE tasks ADD COLUMN expired_at TEXT;
    ALTER TABLE tasks ADD COLUMN lease_agent_id TEXT;
    ALTER TABLE tasks ADD COLUMN lease_expires_at TEXT;
    ALTER TABLE tasks ADD COLUMN lease_s INTEGER;
    ALTER TABLE tasks ADD COLUMN origin_status TEXT;
    ALTER TABLE tasks ADD COLUMN origin_agent_id TEXT;
    CREATE INDEX idx_tasks_lease ON tasks (lease_expires_at) WHERE lease_expires_at IS NOT NULL;
    CREATE INDEX idx_tasks_lease_agent ON tasks (lease_agent_id) WHERE lease_agent_id IS NOT NULL;
    -- The claim order, walked instead of sorting every open task per claim (leases.ts uses the same
    -- priority expression, which SQLite needs to match the index).
    CREATE INDEX idx_tasks_claim ON tasks (status, assigned_agent_id,
      (CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END), created_at)
      WHERE lease_agent_id IS NULL AND status IN ('inbox', 'assigned');

    CREATE TABLE task_dependencies (
      task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      depends_on_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      PRIMARY KEY (task_id, depends_on_id)
    ) WITHOUT ROWID;
    CREATE INDEX idx_dependencies_on ON task_dependencies (depends_on_id);
  `,
};
