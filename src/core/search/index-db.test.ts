// search.db against the app's tables: rebuilt from them, then kept exact from search_queue through
// inserts, edits and cascades; applying the queue twice changes nothing; a missing, older or damaged
// file is rebuilt.
import { writeFileSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate } from '../db/migrate.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import { tempDir } from '../testing/harness.ts';
import { type IndexDb, openIndex } from './index-db.ts';
import { INDEXED } from './kinds.ts';

let temp: ReturnType<typeof tempDir>;
let app: Database;
let index: IndexDb | undefined;
const at = '2026-01-01T00:00:00.000Z';

beforeEach(() => {
  temp = tempDir();
  app = new BetterSqlite3(`${temp.dir}/app.db`);
  app.pragma('journal_mode = WAL');
  app.pragma('foreign_keys = ON');
});
afterEach(() => {
  index?.close();
  index = undefined;
  app.close();
  temp.cleanup();
});

function seed(taskId: string, words: string) {
  app
    .prepare(`INSERT INTO tasks (id, title, description, status, priority, version, created_at, updated_at)
    VALUES (?, ?, 'old words', 'inbox', 'normal', 1, ?, ?)`)
    .run(taskId, `Écrire ${words}`, at, at);
  app
    .prepare(`INSERT INTO task_activities (id, task_id, activity_type, message, created_at)
    VALUES (?, ?, 'updated', ?, ?)`)
    .run(`a-${taskId}`, taskId, `moved ${words}`, at);
  app
    .prepare(`INSERT INTO task_deliverables (id, task_id, deliverable_type, title, path, description, created_at)
    VALUES (?, ?, 'file', 'Report', '/tmp/report.md', ?, ?)`)
    .run(`d-${taskId}`, taskId, `figures ${words}`, at);
  app
    .prepare(
      `INSERT INTO task_comments (id, task_id, author, body, created_at) VALUES (?, ?, 'operator', ?, ?)`,
    )
    .run(`c-${taskId}`, taskId, `splendid ${words}`, at);
  app
    .prepare(`INSERT INTO openclaw_sessions (id, openclaw_session_id, status, session_type, task_id, created_at,
    updated_at) VALUES (?, ?, 'active', 'subagent', ?, ?, ?)`)
    .run(`s-${taskId}`, `oc-${taskId}`, taskId, at, at);
  app
    .prepare(`INSERT INTO session_logs (session_id, seq, stream, text, at) VALUES (?, 1, 'stdout', ?, ?)`)
    .run(`s-${taskId}`, `compiling ${words}`, at);
}

const open = () => (index = openIndex(`${temp.dir}/search.db`, `${temp.dir}/app.db`));
const hits = (table: string, query: string) =>
  (index as IndexDb).db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).pluck().all(query);

/** Every index holds exactly its table's rows, with the same text, and FTS5 finds it consistent. */
function expectExact() {
  const db = (index as IndexDb).db;
  for (const k of INDEXED) {
    const columns = k.columns.join(', ');
    const indexed = db.prepare(`SELECT rowid, ${columns} FROM ${k.index} ORDER BY rowid`).all();
    const rows = db.prepare(`SELECT ${k.rowid} AS rowid, ${columns} FROM app.${k.table} ORDER BY 1`).all();
    expect([k.index, indexed]).toEqual([k.index, rows]);
    db.prepare(`INSERT INTO ${k.index}(${k.index}, rank) VALUES ('integrity-check', 1)`).run();
  }
}

it('is rebuilt from the tables on first open, then follows inserts, edits and cascades from the queue', () => {
  migrate(app, MIGRATIONS, 13);
  seed('t1', 'zeppelin');
  migrate(app, MIGRATIONS);
  open();
  // Rebuilt, diacritics folded, nothing queued yet.
  expect(hits('search_tasks', 'ecrire zeppelin')).toHaveLength(1);
  for (const table of ['search_activities', 'search_deliverables', 'search_comments', 'search_logs'])
    expect([table, hits(table, 'zeppelin')]).toEqual([table, [1]]);
  expectExact();

  seed('t2', 'quartz');
  app.prepare("UPDATE tasks SET description = 'new words' WHERE id = 't1'").run();
  app.prepare("UPDATE tasks SET status = 'assigned', version = 2 WHERE id = 't1'").run(); // queues nothing
  expect(hits('search_tasks', 'quartz')).toEqual([]); // not applied yet
  const queued = index?.queued() as number;
  expect(index?.catchUp()).toBe(queued);
  expect(hits('search_tasks', 'quartz')).toHaveLength(1);
  expect(hits('search_tasks', 'old')).toHaveLength(1); // t2's
  expect(hits('search_tasks', 'new')).toHaveLength(1);
  expectExact();

  // Deleting the task cascades to everything it owned; the cascade's deletes are queued too.
  app.prepare("DELETE FROM tasks WHERE id = 't1'").run();
  index?.catchUp();
  for (const k of INDEXED) expect([k.index, hits(k.index, 'zeppelin')]).toEqual([k.index, []]);
  expectExact();
});

it('applies the queue in batches, and applying it again (a crash before the cursor was saved) changes nothing', () => {
  migrate(app, MIGRATIONS);
  open();
  for (let i = 0; i < 30; i++) seed(`t${i}`, `word${i}`);
  app.prepare("UPDATE task_comments SET body = 'edited' WHERE id = 'c-t3'").run();
  app.prepare("DELETE FROM session_logs WHERE session_id = 's-t4'").run();
  let cursor = 0;
  let steps = 0;
  while (cursor < (index?.queued() as number)) {
    cursor = index?.catchUp(7) as number;
    steps++;
  }
  expect(steps).toBeGreaterThan(20);
  expectExact();
  index?.db.prepare('UPDATE indexer_state SET cursor = 0').run();
  index?.catchUp(10_000);
  expectExact();
  expect(hits('search_comments', 'edited')).toHaveLength(1);
});

it('rebuilds a missing, older or damaged index file', () => {
  migrate(app, MIGRATIONS);
  seed('t1', 'zeppelin');
  open().catchUp();
  index?.close();
  // Older schema version: rebuilt.
  const old = new BetterSqlite3(`${temp.dir}/search.db`);
  old.pragma('user_version = 0');
  old.close();
  open();
  expect(hits('search_logs', 'zeppelin')).toHaveLength(1);
  index?.close();
  // Not a database at all: rebuilt.
  writeFileSync(
    `${temp.dir}/search.db`,
    'not a database, just text that is long enough to look like a header',
  );
  open();
  expectExact();
  expect(hits('search_tasks', 'zeppelin')).toHaveLength(1);
  // The cursor starts at the newest queue entry: what the rebuild read is not applied again.
  expect(index?.cursor()).toBe(index?.queued());
  index?.close();
  // An index ahead of the database's queue (an older backup restored beside it): rebuilt.
  const ahead = new BetterSqlite3(`${temp.dir}/search.db`);
  ahead.prepare('UPDATE indexer_state SET cursor = cursor + 100').run();
  ahead.prepare("INSERT INTO search_tasks (rowid, title) VALUES (999, 'phantom')").run();
  ahead.close();
  open();
  expect(hits('search_tasks', 'phantom')).toEqual([]);
  expectExact();
});
