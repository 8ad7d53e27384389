import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../../testing/harness.ts';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from './index.ts';

let cleanup = () => {};
afterEach(() => cleanup());

const LIST = `SELECT id FROM tasks WHERE (@status IS NULL OR status = @status)
  ORDER BY created_at DESC, rowid DESC LIMIT 50`;

it('adds the created_at index to a version-4 database with tasks, and the list walks it unsorted', () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const db = new BetterSqlite3(`${temp.dir}/db.sqlite`);
  try {
    migrate(db, MIGRATIONS, 4);
    const insert =
      db.prepare(`INSERT INTO tasks (id, title, status, priority, version, created_at, updated_at)
      VALUES (?, ?, 'inbox', 'normal', 1, ?, ?)`);
    for (let i = 0; i < 3; i++) {
      const at = `2026-01-0${i + 1}T00:00:00.000Z`;
      insert.run(`t${i}`, `task ${i}`, at, at);
    }
    const plan = () =>
      (db.prepare(`EXPLAIN QUERY PLAN ${LIST}`).all({ status: 'inbox' }) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join('; ');
    expect(plan()).toContain('TEMP B-TREE');
    expect(migrate(db, MIGRATIONS, 5)).toEqual([5]);
    expect(plan()).toContain('USING INDEX idx_tasks_created');
    expect(plan()).not.toContain('TEMP B-TREE');
    expect(db.prepare(LIST).all({ status: 'inbox' })).toEqual([{ id: 't2' }, { id: 't1' }, { id: 't0' }]);
  } finally {
    db.close();
  }
});
