// Remembers the answer to each write sent with an Idempotency-Key, so a retry writes nothing twice.
import type { Migration } from './types.ts';

export const idempotency: Migration = {
  version: 2,
  name: 'idempotency keys',
  sql: `
    CREATE TABLE idempotency_keys (
      key TEXT PRIMARY KEY,
      fingerprint TEXT NOT NULL,
      status INTEGER NOT NULL,
      body TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX idx_idempotency_created ON idempotency_keys (created_at);
  `,
};
