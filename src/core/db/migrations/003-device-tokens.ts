// Named tokens for other devices (read-only or read-write), revocable; only their hashes are stored.
import type { Migration } from './types.ts';

export const deviceTokens: Migration = {
  version: 3,
  name: 'device tokens',
  sql: `
    CREATE TABLE device_tokens (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      scope TEXT NOT NULL CHECK (scope IN ('read', 'write')),
      token_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      last_used_at TEXT,
      revoked_at TEXT
    );
  `,
};
