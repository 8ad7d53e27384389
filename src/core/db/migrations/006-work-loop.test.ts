import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../../testing/harness.ts';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from './index.ts';

let cleanup = () => {};
afterEach(() => cleanup());

it('keeps every session and task of a version-5 database and lets sessions go stale', () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const db = new BetterSqlite3(`${temp.dir}/db.sqlite`);
  db.pragma('foreign_keys = ON');
  try {
    migrate(db, MIGRATIONS, 5);
    const at = '2026-01-01T00:00:00.000Z';
    db.prepare(`INSERT INTO agents (id, name, role, avatar_emoji, status, is_master, created_at, updated_at)
      VALUES ('a1', 'Dev', 'dev', 'x', 'working', 0, ?, ?)`).run(at, at);
    db.prepare(`INSERT INTO tasks (id, title, status, priority, version, created_at, updated_at)
      VALUES ('t1', 'One', 'inbox', 'normal', 1, ?, ?)`).run(at, at);
    db.prepare(`INSERT INTO openclaw_sessions (id, agent_id, openclaw_session_id, status, session_type,
      task_id, created_at, updated_at) VALUES ('s1', 'a1', 'oc-1', 'active', 'subagent', 't1', ?, ?)`).run(
      at,
      at,
    );

    expect(migrate(db, MIGRATIONS, 6)).toEqual([6]);
    expect(db.prepare('SELECT id, status, heartbeat_ttl_s FROM openclaw_sessions').all()).toEqual([
      { id: 's1', status: 'active', heartbeat_ttl_s: null },
    ]);
    db.prepare("UPDATE openclaw_sessions SET status = 'stale' WHERE id = 's1'").run();
    expect(() => db.prepare("UPDATE openclaw_sessions SET status = 'zombie'").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT presence, last_seen_at FROM agents').get()).toEqual({
      presence: 'unknown',
      last_seen_at: null,
    });
    expect(db.prepare('SELECT claim_count, lease_agent_id FROM tasks').get()).toEqual({
      claim_count: 0,
      lease_agent_id: null,
    });
    // The rebuilt table keeps its cascade: deleting the task removes its session.
    db.prepare("DELETE FROM tasks WHERE id = 't1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM openclaw_sessions').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    db.close();
  }
});
