// Outbound webhooks (CONTROL_LOOP.md §4): each with its durable cursor in the event log, its failure
// streak, and a bounded log of its latest delivery attempts.
import type { Migration } from './types.ts';

export const webhooks: Migration = {
  version: 9,
  name: 'webhooks',
  sql: `
    -- agent_id is not a foreign key: deleting the agent must neither delete the webhook nor turn it
    -- into one that receives everything.
    CREATE TABLE webhooks (
      id TEXT PRIMARY KEY,
      url TEXT NOT NULL,
      description TEXT,
      events TEXT NOT NULL DEFAULT '[]',
      agent_id TEXT,
      secret TEXT NOT NULL,
      enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
      disabled_reason TEXT CHECK (disabled_reason IN ('failing')),
      cursor INTEGER NOT NULL,
      failures INTEGER NOT NULL DEFAULT 0,
      failing_since TEXT,
      next_attempt_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE webhook_deliveries (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
      event_id TEXT NOT NULL,
      type TEXT NOT NULL,
      status_code INTEGER,
      error TEXT,
      duration_ms INTEGER NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX idx_webhook_deliveries ON webhook_deliveries (webhook_id, seq);
  `,
};
