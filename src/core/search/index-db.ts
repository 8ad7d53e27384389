// search.db: the full-text index, a file of its own beside the app's database, written only by the
// indexer (worker.ts) so it never waits for, or holds up, the app's writes. One FTS5 table per kind
// stores its text (snippet() and highlight() read it back; an external-content table cannot point at
// another database file). The app's database is attached as `app`, only read: the indexer reads
// search_queue and the rows it names there, and the queries join hits to their tasks and sessions.
//
// Exactness: a catch-up reads the queue after the cursor and, for each (kind, rowid) it names, makes
// the index row equal to the app's row now (gone if the row is gone), then stores the new cursor —
// all in one transaction that reads the app's database as of one snapshot. Applying an entry twice
// changes nothing, so a crash between the app's commit and the index's never loses or doubles
// anything. A missing, older or damaged search.db is rebuilt from the tables (schema version below).
import { rmSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { INDEXED } from './kinds.ts';

/** Bump when the index's schema or tokenizer changes: search.db is then rebuilt from the tables. */
export const INDEX_VERSION = 1;
/** Queue entries applied per transaction (a search waiting on a backlog sees it advance in steps). */
const CATCH_UP_BATCH = 5000;
/** The newest queue id the app has committed (the queue always keeps its newest row). */
const NEWEST_QUEUED = 'SELECT coalesce(max(id), 0) FROM app.search_queue';

// prefix = '2 3': prefix indexes, so `ka*` reads one doclist instead of merging every term that
// starts with it (at 1M log lines 200 ms → 16 ms, for twice the index).
const TOKENIZE = `prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2'`;

function createSchema(db: Database): void {
  db.exec(`
    ${INDEXED.map((k) => `CREATE VIRTUAL TABLE ${k.index} USING fts5(${k.columns.join(', ')}, ${TOKENIZE});`).join('\n')}
    CREATE TABLE indexer_state (id INTEGER PRIMARY KEY CHECK (id = 1), cursor INTEGER NOT NULL);
    PRAGMA user_version = ${INDEX_VERSION};
  `);
}

function openFile(file: string, appFile: string): Database {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  // The index can always be rebuilt: an OS crash may lose its last commits, never the app's data.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Attached for reading only (this build of SQLite takes no `?mode=ro` URI): nothing here writes to
  // `app`, and transactions are deferred, so the app's writer never waits for this connection.
  db.prepare('ATTACH DATABASE ? AS app').run(appFile);
  return db;
}

export interface IndexDb {
  db: Database;
  /** The last search_queue id applied. */
  cursor(): number;
  /** Applies up to `batch` queue entries after the cursor; answers the new cursor. */
  catchUp(batch?: number): number;
  /** The newest queue id the app has committed. */
  queued(): number;
  close(): void;
}

/** Opens (creating or rebuilding as needed) the index of the app database `appFile`. */
export function openIndex(file: string, appFile: string): IndexDb {
  let db = openExisting(file, appFile);
  if (!db) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    db = openFile(file, appFile);
    createSchema(db);
    rebuild(db);
  }
  return indexOver(db);
}

/** The index in `file` when it is one of this version; null when missing, older or damaged. */
function openExisting(file: string, appFile: string): Database | null {
  let db: Database | undefined;
  try {
    db = openFile(file, appFile);
    const version = db.pragma('user_version', { simple: true });
    const state = db.prepare('SELECT cursor FROM indexer_state').get() as { cursor: number } | undefined;
    // The queue keeps its newest row, so a cursor past it means this index belongs to another copy of
    // the database (a backup restored beside a newer search.db): rebuilt.
    const newest = db.prepare(NEWEST_QUEUED).pluck().get() as number;
    if (version === INDEX_VERSION && state && state.cursor <= newest) return db;
  } catch {
    // not a database, or a damaged one: rebuilt
  }
  db?.close();
  return null;
}

/** Indexes every row of the app's tables, as of one snapshot, and starts the cursor there. */
function rebuild(db: Database): void {
  db.transaction(() => {
    const last = db.prepare(NEWEST_QUEUED).pluck().get() as number;
    for (const k of INDEXED) {
      const columns = k.columns.join(', ');
      db.exec(`INSERT INTO ${k.index} (rowid, ${columns}) SELECT ${k.rowid}, ${columns} FROM app.${k.table}`);
    }
    db.prepare('INSERT INTO indexer_state (id, cursor) VALUES (1, ?)').run(last);
  })();
}

function indexOver(db: Database): IndexDb {
  const state = {
    get: db.prepare<[], { cursor: number }>('SELECT cursor FROM indexer_state'),
    set: db.prepare<[number]>('UPDATE indexer_state SET cursor = ?'),
  };
  const through = db
    .prepare<[number, number], number>(
      'SELECT max(id) FROM (SELECT id FROM app.search_queue WHERE id > ? ORDER BY id LIMIT ?)',
    )
    .pluck();
  const queued = db.prepare<[], number>(NEWEST_QUEUED).pluck();
  // Per kind, two statements over the batch's distinct rows (a row touched several times is applied
  // once, with its state now): out of the index, then back in when it still exists.
  const apply = INDEXED.map((k) => {
    const columns = k.columns.join(', ');
    const rows = `SELECT row FROM app.search_queue WHERE id > ? AND id <= ? AND kind = ${k.queue}`;
    return {
      remove: db.prepare<[number, number]>(`DELETE FROM ${k.index} WHERE rowid IN (${rows})`),
      insert: db.prepare<[number, number]>(`INSERT INTO ${k.index} (rowid, ${columns})
        SELECT ${k.rowid}, ${columns} FROM app.${k.table} WHERE ${k.rowid} IN (${rows})`),
    };
  });
  const catchUp = db.transaction((batch: number): number => {
    const cursor = (state.get.get() as { cursor: number }).cursor;
    const last = through.get(cursor, batch) as number | null;
    if (last === null) return cursor;
    for (const { remove, insert } of apply) {
      remove.run(cursor, last);
      insert.run(cursor, last);
    }
    state.set.run(last);
    return last;
  });
  return {
    db,
    cursor: () => (state.get.get() as { cursor: number }).cursor,
    catchUp: (batch = CATCH_UP_BATCH) => catchUp(batch),
    queued: () => queued.get() as number,
    close: () => db.close(),
  };
}
