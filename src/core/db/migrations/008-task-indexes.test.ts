import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../../testing/harness.ts';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from './index.ts';

let cleanup = () => {};
afterEach(() => cleanup());

const plan = (db: BetterSqlite3.Database, sql: string, ...args: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>)
    .map((r) => r.detail)
    .join('; ');

it('keeps every task of a version-7 database and serves review and agent lookups from partial indexes', () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const db = new BetterSqlite3(`${temp.dir}/db.sqlite`);
  db.pragma('foreign_keys = ON');
  try {
    migrate(db, MIGRATIONS, 7);
    const at = '2026-01-01T00:00:00.000Z';
    db.prepare(`INSERT INTO agents (id, name, role, avatar_emoji, status, is_master, created_at, updated_at)
      VALUES ('a1', 'Dev', 'dev', 'x', 'working', 0, ?, ?)`).run(at, at);
    const insert = db.prepare(`INSERT INTO tasks (id, title, status, priority, assigned_agent_id,
      created_by_agent_id, version, created_at, updated_at) VALUES (?, 't', ?, 'normal', ?, ?, 1, ?, ?)`);
    insert.run('t1', 'inbox', null, null, at, at);
    insert.run('t2', 'review', 'a1', 'a1', at, at);
    insert.run('t3', 'assigned', 'a1', null, at, at);

    expect(migrate(db, MIGRATIONS, 8)).toEqual([8]);
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tasks' AND sql IS NOT NULL",
      )
      .pluck()
      .all();
    expect(indexes).not.toContain('idx_tasks_status');
    expect(indexes).toEqual(
      expect.arrayContaining(['idx_tasks_review', 'idx_tasks_assigned', 'idx_tasks_created_by']),
    );
    // Partial: the unassigned inbox task is in none of the three.
    const entries = (index: string, where: string) =>
      db.prepare(`SELECT count(*) FROM tasks INDEXED BY ${index} WHERE ${where}`).pluck().get();
    expect(entries('idx_tasks_review', "status = 'review'")).toBe(1);
    expect(entries('idx_tasks_assigned', 'assigned_agent_id IS NOT NULL')).toBe(2);
    expect(entries('idx_tasks_created_by', 'created_by_agent_id IS NOT NULL')).toBe(1);

    expect(plan(db, "SELECT id FROM tasks WHERE status = 'review'")).toContain('idx_tasks_review');
    expect(plan(db, 'SELECT id FROM tasks WHERE assigned_agent_id = ? ORDER BY rowid', 'a1')).toContain(
      'idx_tasks_assigned',
    );
    expect(plan(db, 'SELECT id FROM tasks WHERE created_by_agent_id = ? ORDER BY rowid', 'a1')).toContain(
      'idx_tasks_created_by',
    );
    // ON DELETE SET NULL still finds the agent's tasks.
    db.prepare("DELETE FROM agents WHERE id = 'a1'").run();
    expect(
      db.prepare('SELECT id, assigned_agent_id, created_by_agent_id FROM tasks ORDER BY id').all(),
    ).toEqual([
      { id: 't1', assigned_agent_id: null, created_by_agent_id: null },
      { id: 't2', assigned_agent_id: null, created_by_agent_id: null },
      { id: 't3', assigned_agent_id: null, created_by_agent_id: null },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    db.close();
  }
});
