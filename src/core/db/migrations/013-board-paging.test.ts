import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../../testing/harness.ts';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from './index.ts';

let cleanup = () => {};
afterEach(() => cleanup());

const PAGE = `SELECT id FROM tasks t WHERE t.status = 'done' AND (t.updated_at, t.id) < (?, ?)
  ORDER BY t.updated_at DESC, t.id DESC LIMIT 2`;

it('indexes only done tasks, and the Done column pages walk it without sorting', () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const db = new BetterSqlite3(`${temp.dir}/db.sqlite`);
  try {
    migrate(db, MIGRATIONS, 12);
    const insert =
      db.prepare(`INSERT INTO tasks (id, title, status, priority, version, created_at, updated_at)
      VALUES (?, 't', ?, 'normal', 1, ?, ?)`);
    const at = '2026-01-01T00:00:00.000Z';
    for (const [id, status] of [
      ['t1', 'done'],
      ['t2', 'done'],
      ['t3', 'inbox'],
      ['t4', 'done'],
    ] as const)
      insert.run(id, status, at, at);
    expect(migrate(db, MIGRATIONS, 13)).toEqual([13]);
    expect(
      db.prepare("SELECT count(*) FROM tasks INDEXED BY idx_tasks_done WHERE status = 'done'").pluck().get(),
    ).toBe(3);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${PAGE}`).all(at, 'zz') as Array<{ detail: string }>)
      .map((r) => r.detail)
      .join('; ');
    expect(plan).toContain('idx_tasks_done');
    expect(plan).not.toContain('TEMP B-TREE');
    // Ties of updated_at are split by id.
    expect(db.prepare(PAGE).pluck().all(at, 'zz')).toEqual(['t4', 't2']);
    expect(db.prepare(PAGE).pluck().all(at, 't2')).toEqual(['t1']);
  } finally {
    db.close();
  }
});
