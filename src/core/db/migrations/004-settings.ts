// Small persisted settings (e.g. "allow other devices on my network"), one JSON value per key.
import type { Migration } from './types.ts';

export const settings: Migration = {
  version: 4,
  name: 'settings',
  sql: `
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value)),
      updated_at TEXT NOT NULL
    );
  `,
};
