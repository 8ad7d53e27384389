import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../../testing/harness.ts';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from './index.ts';

let cleanup = () => {};
afterEach(() => cleanup());

const INDEXES = [
  'search_tasks',
  'search_activities',
  'search_deliverables',
  'search_comments',
  'search_logs',
];

it('indexes the text already there, then keeps every index exact through inserts, edits and cascades', () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const db = new BetterSqlite3(`${temp.dir}/db.sqlite`);
  db.pragma('foreign_keys = ON');
  try {
    migrate(db, MIGRATIONS, 11);
    const at = '2026-01-01T00:00:00.000Z';
    const task = db.prepare(`INSERT INTO tasks (id, title, description, status, priority, version,
      created_at, updated_at) VALUES (?, ?, ?, 'inbox', 'normal', 1, ?, ?)`);
    const activity = db.prepare(`INSERT INTO task_activities (id, task_id, activity_type, message, created_at)
      VALUES (?, ?, 'updated', ?, ?)`);
    const deliverable = db.prepare(`INSERT INTO task_deliverables
      (id, task_id, deliverable_type, title, path, description, created_at) VALUES (?, ?, 'file', ?, ?, ?, ?)`);
    const comment = db.prepare(`INSERT INTO task_comments (id, task_id, author, body, created_at)
      VALUES (?, ?, 'operator', ?, ?)`);
    const session = db.prepare(`INSERT INTO openclaw_sessions (id, openclaw_session_id, status, session_type,
      task_id, created_at, updated_at) VALUES (?, ?, 'active', 'subagent', ?, ?, ?)`);
    const log = db.prepare(
      `INSERT INTO session_logs (session_id, seq, stream, text, at) VALUES (?, ?, 'stdout', ?, ?)`,
    );
    task.run('t1', 'Écrire le résumé', 'old words', at, at);
    activity.run('a1', 't1', 'moved along quickly', at);
    deliverable.run('d1', 't1', 'Report', '/tmp/report.md', 'quarterly figures', at);
    comment.run('c1', 't1', 'looks splendid', at);
    session.run('s1', 'oc-1', 't1', at, at);
    log.run('s1', 1, 'compiling zeppelin module', at);

    expect(migrate(db, MIGRATIONS, 12)).toEqual([12]);
    const hits = (table: string, query: string) =>
      db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).pluck().all(query);
    // Backfilled, with diacritics folded.
    expect(hits('search_tasks', 'ecrire resume')).toHaveLength(1);
    expect(hits('search_activities', 'quickly')).toHaveLength(1);
    expect(hits('search_deliverables', 'report')).toHaveLength(1);
    expect(hits('search_deliverables', 'quarterly')).toHaveLength(1);
    expect(hits('search_comments', 'splendid')).toHaveLength(1);
    expect(hits('search_logs', 'zeppelin')).toHaveLength(1);

    // Edits replace the old words; an edit of other columns leaves the index alone.
    db.prepare("UPDATE tasks SET description = 'new words' WHERE id = 't1'").run();
    db.prepare("UPDATE tasks SET status = 'assigned', version = 2 WHERE id = 't1'").run();
    expect(hits('search_tasks', 'old')).toEqual([]);
    expect(hits('search_tasks', 'new')).toHaveLength(1);
    task.run('t2', 'Second', null, at, at);
    log.run('s1', 2, 'zeppelin again', at);
    expect(hits('search_logs', 'zeppelin')).toHaveLength(2);
    for (const table of INDEXES)
      db.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 1)`).run();

    // Deleting the task cascades to everything it owned, and the indexes follow.
    db.prepare("DELETE FROM tasks WHERE id = 't1'").run();
    for (const [table, query] of [
      ['search_tasks', 'ecrire'],
      ['search_activities', 'quickly'],
      ['search_deliverables', 'report'],
      ['search_comments', 'splendid'],
      ['search_logs', 'zeppelin'],
    ] as const)
      expect([table, hits(table, query)]).toEqual([table, []]);
    expect(hits('search_tasks', 'second')).toHaveLength(1);
    for (const table of INDEXES)
      db.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 1)`).run();
  } finally {
    db.close();
  }
});
