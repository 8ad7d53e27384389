import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../../testing/harness.ts';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from './index.ts';

let cleanup = () => {};
afterEach(() => cleanup());

it('adds comments that go with their task and outlive their agent, and attention dismissals', () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const db = new BetterSqlite3(`${temp.dir}/db.sqlite`);
  db.pragma('foreign_keys = ON');
  try {
    migrate(db, MIGRATIONS, 6);
    const at = '2026-01-01T00:00:00.000Z';
    db.prepare(`INSERT INTO agents (id, name, role, avatar_emoji, status, is_master, created_at, updated_at)
      VALUES ('a1', 'Dev', 'dev', 'x', 'working', 0, ?, ?)`).run(at, at);
    for (const id of ['t1', 't2'])
      db.prepare(`INSERT INTO tasks (id, title, status, priority, version, created_at, updated_at)
        VALUES (?, 'One', 'review', 'normal', 1, ?, ?)`).run(id, at, at);

    expect(migrate(db, MIGRATIONS, 7)).toEqual([7]);
    const comment = db.prepare(`INSERT INTO task_comments (id, task_id, agent_id, author, body, created_at)
      VALUES (?, ?, ?, ?, 'hi', ?)`);
    comment.run('c1', 't1', 'a1', 'agent', at);
    comment.run('c2', 't2', null, 'operator', at);
    expect(() => comment.run('c3', 't1', null, 'robot', at)).toThrow(/CHECK/);
    expect(() => comment.run('c4', 'nope', null, 'operator', at)).toThrow(/FOREIGN KEY/);

    db.prepare("DELETE FROM agents WHERE id = 'a1'").run();
    expect(db.prepare("SELECT agent_id FROM task_comments WHERE id = 'c1'").get()).toEqual({
      agent_id: null,
    });
    db.prepare("DELETE FROM tasks WHERE id = 't2'").run();
    expect(db.prepare('SELECT id FROM task_comments').all()).toEqual([{ id: 'c1' }]);

    const dismiss = db.prepare(
      'INSERT INTO attention_dismissals (key, since, dismissed_at) VALUES (?, ?, ?)',
    );
    dismiss.run('review:t1', at, at);
    expect(() => dismiss.run('review:t1', at, at)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    db.close();
  }
});
