import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../../testing/harness.ts';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from './index.ts';

let cleanup = () => {};
afterEach(() => cleanup());

it('adds session logs numbered per session, checked by stream, that go with their session', () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const db = new BetterSqlite3(`${temp.dir}/db.sqlite`);
  db.pragma('foreign_keys = ON');
  try {
    migrate(db, MIGRATIONS, 10);
    const at = '2026-01-01T00:00:00.000Z';
    const session = db.prepare(`INSERT INTO openclaw_sessions (id, openclaw_session_id, status, session_type,
      created_at, updated_at) VALUES (?, ?, 'active', 'subagent', ?, ?)`);
    session.run('s1', 'oc-1', at, at);
    session.run('s2', 'oc-2', at, at);

    expect(migrate(db, MIGRATIONS, 11)).toEqual([11]);
    const line = db.prepare(
      'INSERT INTO session_logs (session_id, seq, stream, text, at) VALUES (?, ?, ?, ?, ?)',
    );
    line.run('s1', 1, 'stdout', 'hello', at);
    line.run('s1', 2, 'stderr', 'oops', at);
    line.run('s2', 1, 'info', 'started', at);
    expect(() => line.run('s1', 2, 'stdout', 'again', at)).toThrow(/UNIQUE/);
    expect(() => line.run('s1', 3, 'stdin', 'no', at)).toThrow(/CHECK/);
    expect(() => line.run('ghost', 1, 'stdout', 'no', at)).toThrow(/FOREIGN KEY/);
    db.prepare(
      "INSERT INTO session_log_stats (session_id, last_seq, lines, bytes) VALUES ('s1', 2, 2, 9)",
    ).run();

    db.prepare("DELETE FROM openclaw_sessions WHERE id = 's1'").run();
    expect(db.prepare('SELECT session_id, seq FROM session_logs').all()).toEqual([
      { session_id: 's2', seq: 1 },
    ]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM session_log_stats').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    db.close();
  }
});
