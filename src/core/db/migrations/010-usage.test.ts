import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../../testing/harness.ts';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from './index.ts';

let cleanup = () => {};
afterEach(() => cleanup());

it('adds usage reports that outlive their task, session and agent, and zeroed totals on existing tasks', () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const db = new BetterSqlite3(`${temp.dir}/db.sqlite`);
  db.pragma('foreign_keys = ON');
  try {
    migrate(db, MIGRATIONS, 8);
    const at = '2026-01-01T00:00:00.000Z';
    db.prepare(`INSERT INTO agents (id, name, role, avatar_emoji, status, is_master, created_at, updated_at)
      VALUES ('a1', 'Dev', 'dev', 'x', 'working', 0, ?, ?)`).run(at, at);
    db.prepare(`INSERT INTO tasks (id, title, status, priority, version, created_at, updated_at)
      VALUES ('t1', 'One', 'inbox', 'normal', 1, ?, ?)`).run(at, at);
    db.prepare(`INSERT INTO openclaw_sessions (id, agent_id, openclaw_session_id, status, session_type, task_id,
      created_at, updated_at) VALUES ('s1', 'a1', 'oc1', 'active', 'subagent', 't1', ?, ?)`).run(at, at);

    expect(migrate(db, MIGRATIONS, 10)).toContain(10);
    expect(
      db.prepare('SELECT usage_reports, usage_cost_micros, budget_micros, over_budget_at FROM tasks').get(),
    ).toEqual({
      usage_reports: 0,
      usage_cost_micros: 0,
      budget_micros: null,
      over_budget_at: null,
    });
    const report =
      db.prepare(`INSERT INTO usage_reports (id, task_id, session_id, agent_id, model, input_tokens,
      output_tokens, cache_read_tokens, cache_write_tokens, cost_micros, created_at)
      VALUES (?, 't1', 's1', 'a1', 'm', ?, 1, 0, 0, ?, ?)`);
    report.run('u1', 5, 100_000, at);
    report.run('u2', 5, null, at);
    expect(() => report.run('u3', -1, 0, at)).toThrow(/CHECK/);
    expect(() => report.run('u4', 1, -1, at)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE tasks SET budget_micros = 0 WHERE id = 't1'").run()).toThrow(/CHECK/);

    db.prepare("DELETE FROM agents WHERE id = 'a1'").run();
    db.prepare("DELETE FROM tasks WHERE id = 't1'").run();
    expect(
      db.prepare('SELECT id, task_id, session_id, agent_id FROM usage_reports ORDER BY id').all(),
    ).toEqual([
      { id: 'u1', task_id: null, session_id: null, agent_id: null },
      { id: 'u2', task_id: null, session_id: null, agent_id: null },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    db.close();
  }
});
