// Applies pending numbered migrations, each in its own transaction, and records them.
import type { Database } from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/types.ts';

export function appliedVersion(db: Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/** Brings the database up to `target` (default: the newest); returns the versions applied. */
export function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
  target?: number,
): number[] {
  const current = appliedVersion(db);
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new Error(
      `database schema version ${current} is newer than this app knows (${newest}); update Mission Control`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current || (target !== undefined && migration.version > target)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
    applied.push(migration.version);
  }
  return applied;
}
