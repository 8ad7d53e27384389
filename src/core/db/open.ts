// Opens the SQLite file with the settings the app relies on, then migrates it.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrate.ts';

export const DATABASE_FILE = 'mission-control.db';

/**
 * WAL with synchronous=NORMAL: a process crash (kill -9) loses nothing that was committed;
 * only an OS crash or power cut can lose the last few commits. That buys the write rate.
 */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Checkpoint every ~40 MB of WAL instead of SQLite's ~4 MB: a hot page is copied back once per
  // checkpoint however often it changed, so creates got 17-20 % cheaper (bench/, docs/BENCHMARKS.md).
  // Cost: a WAL file up to ~40 MB, and a restart after a crash reads it to rebuild its index.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (options.migrate !== false) migrate(db);
  return db;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * The checkpoint a closing core makes, leaving an empty WAL. The search indexer's thread also
 * checkpoints, and is told to stop rather than waited for; a checkpoint that finds another one
 * running gives up at once (SQLite's busy handler is not asked), so try again for up to 0.5 s.
 */
export function closingCheckpoint(db: Database): void {
  for (let tries = 0; tries < 100; tries++) {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (!result?.busy) return;
    Atomics.wait(pause, 0, 0, 5);
  }
}
