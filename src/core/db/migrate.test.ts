import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/harness.ts';
import { appliedVersion, migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { openDatabase } from './open.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function freshFile() {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return `${dir}/db.sqlite`;
}

const tables = (db: BetterSqlite3.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe('migrations', () => {
  it('creates every table of the data model on a new database, with WAL and foreign keys on', () => {
    const db = openDatabase(freshFile());
    cleanups.push(() => db.close());
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'agents',
        'tasks',
        'task_activities',
        'task_deliverables',
        'openclaw_sessions',
        'events',
      ]),
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(appliedVersion(db)).toBe(MIGRATIONS.at(-1)?.version);
    const recorded = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });

  it('numbers migrations 1, 2, 3 … with no gap', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it.each(MIGRATIONS.slice(1).map((m) => [m.version, m.name] as const))(
    'upgrades a database made by the migration before %i (%s) in place without losing rows',
    (version) => {
      const file = freshFile();
      const old = new BetterSqlite3(file);
      migrate(old, MIGRATIONS, version - 1);
      old
        .prepare(`INSERT INTO tasks (id, title, status, priority, version, created_at, updated_at)
        VALUES ('t1', 'kept', 'inbox', 'normal', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`)
        .run();
      old.prepare(`INSERT INTO events (type, payload, created_at) VALUES ('task_created', '{}', 'x')`).run();
      old.close();

      const db = openDatabase(file);
      cleanups.push(() => db.close());
      expect(appliedVersion(db)).toBe(MIGRATIONS.at(-1)?.version);
      expect(db.prepare('SELECT title FROM tasks').all()).toEqual([{ title: 'kept' }]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 1 });
    },
  );

  it('is a no-op when run twice', () => {
    const db = openDatabase(freshFile());
    cleanups.push(() => db.close());
    expect(migrate(db)).toEqual([]);
  });

  it('refuses a database from a newer version of the app instead of guessing', () => {
    const file = freshFile();
    const db = openDatabase(file);
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', 'x')").run();
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer than this app knows/);
  });

  it('rolls a failing migration back whole and records nothing', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE x (a); NOPE;' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(tables(db)).not.toContain('x');
    expect(appliedVersion(db)).toBe(MIGRATIONS.length);
  });

  it('enforces the enums and references with constraints', () => {
    const db = openDatabase(freshFile());
    cleanups.push(() => db.close());
    const insertTask = (status: string) =>
      db
        .prepare(`INSERT INTO tasks (id, title, status, priority, version, created_at, updated_at)
          VALUES (?, 't', ?, 'normal', 1, 'x', 'x')`)
        .run(`id-${status}`, status);
    expect(() => insertTask('nonsense')).toThrow(/CHECK constraint/);
    expect(() =>
      db
        .prepare(`INSERT INTO task_activities (id, task_id, activity_type, message, created_at)
          VALUES ('a', 'missing', 'updated', 'm', 'x')`)
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
