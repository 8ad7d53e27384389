import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../../testing/harness.ts';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from './index.ts';

let cleanup = () => {};
afterEach(() => cleanup());

it('adds webhooks whose delivery log goes with them and whose reason to be off is checked', () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const db = new BetterSqlite3(`${temp.dir}/db.sqlite`);
  db.pragma('foreign_keys = ON');
  try {
    migrate(db, MIGRATIONS, 8);
    expect(migrate(db, MIGRATIONS, 9)).toEqual([9]);
    const at = '2026-01-01T00:00:00.000Z';
    const hook =
      db.prepare(`INSERT INTO webhooks (id, url, secret, cursor, disabled_reason, created_at, updated_at)
      VALUES (?, 'http://example.com/', 'whsec_x', 7, ?, ?, ?)`);
    hook.run('w1', null, at, at);
    hook.run('w2', 'failing', at, at);
    expect(() => hook.run('w3', 'bored', at, at)).toThrow(/CHECK/);
    expect(db.prepare("SELECT enabled, failures, events FROM webhooks WHERE id = 'w1'").get()).toEqual({
      enabled: 1,
      failures: 0,
      events: '[]',
    });
    const delivery = db.prepare(`INSERT INTO webhook_deliveries (webhook_id, event_id, type, status_code,
      error, duration_ms, at) VALUES (?, '8', 'task_created', 200, NULL, 12, ?)`);
    delivery.run('w1', at);
    delivery.run('w2', at);
    expect(() => delivery.run('nope', at)).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM webhooks WHERE id = 'w1'").run();
    expect(db.prepare('SELECT webhook_id FROM webhook_deliveries').all()).toEqual([{ webhook_id: 'w2' }]);
  } finally {
    db.close();
  }
});
