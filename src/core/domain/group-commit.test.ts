// Group commit (Transactions.grouped): concurrent writes share one transaction, each answered after commit.
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../shared/events.ts';
import { DATABASE_FILE } from '../db/open.ts';
import { startTestServer, testCore } from '../testing/harness.ts';

let t: ReturnType<typeof testCore>;
let published: DomainEvent[];
let other: BetterSqlite3.Database;
/** Titles another connection can see: what is committed, not what this connection holds. */
const committedTitles = () =>
  (other.prepare('SELECT title FROM tasks ORDER BY rowid').all() as Array<{ title: string }>).map(
    (r) => r.title,
  );

beforeEach(() => {
  t = testCore();
  published = [];
  t.core.bus.subscribe((e) => published.push(e));
  other = new BetterSqlite3(join(t.dir, DATABASE_FILE), { readonly: true });
});
afterEach(() => {
  other.close();
  t.close();
});

describe('group commit', () => {
  it('commits writes of one turn together and resolves each only after the commit', async () => {
    const a = t.core.tx.grouped(() => t.core.tasks.create({ title: 'a' }));
    const b = t.core.tx.grouped(() => t.core.tasks.create({ title: 'b' }));
    expect(committedTitles()).toEqual([]);
    expect(published).toEqual([]);
    const [ta, tb] = await Promise.all([a, b]);
    expect(committedTitles()).toEqual(['a', 'b']);
    expect(published.map((e) => [e.type, e.id])).toEqual([
      ['task_created', 1],
      ['task_created', 2],
    ]);
    expect(published.map((e) => e.payload)).toEqual([ta, tb]);
  });

  it('rolls back a failing write alone; the others in the group commit', async () => {
    const a = t.core.tx.grouped(() => t.core.tasks.create({ title: 'a' }));
    expect(() =>
      t.core.tx.grouped(() => t.core.tasks.create({ title: 'bad', assigned_agent_id: 'no-such-agent' })),
    ).toThrow();
    const c = t.core.tx.grouped(() => t.core.tasks.create({ title: 'c' }));
    await Promise.all([a, c]);
    expect(committedTitles()).toEqual(['a', 'c']);
    expect(published.map((e) => e.id)).toEqual([1, 2]);
    expect(t.core.events.after(0, 10).map((e) => e.id)).toEqual([1, 2]);
  });

  it('rolls back a write that fails after writing rows, first in its group or not', async () => {
    // An unknown dependency is found after the task row is inserted: the first write of a turn has
    // no savepoint (the whole transaction is rolled back), a later one rolls back to its savepoint.
    const broken = (title: string) => () =>
      t.core.tx.grouped(() => t.core.tasks.create({ title, depends_on: ['no-such-task'] }));
    expect(broken('first')).toThrow(/depends_on/);
    const b = t.core.tx.grouped(() => t.core.tasks.create({ title: 'b' }));
    expect(broken('middle')).toThrow(/depends_on/);
    const c = t.core.tx.grouped(() => t.core.tasks.create({ title: 'c' }));
    await Promise.all([b, c]);
    expect(committedTitles()).toEqual(['b', 'c']);
    expect(published.map((e) => [e.id, e.type])).toEqual([
      [1, 'task_created'],
      [2, 'task_created'],
    ]);
    expect(t.core.events.after(0, 10).map((e) => e.id)).toEqual([1, 2]);
  });

  it('commits and publishes an open group before any read of the log or a consistent read', async () => {
    const a = t.core.tx.grouped(() => t.core.tasks.create({ title: 'a' }));
    // A stream attaching now reads bounds(): it must not start after an unpublished event.
    expect(t.core.events.bounds().latest).toBe(1);
    expect(published.map((e) => e.id)).toEqual([1]);
    expect(committedTitles()).toEqual(['a']);
    const b = t.core.tx.grouped(() => t.core.tasks.create({ title: 'b' }));
    expect(t.core.snapshot()).toMatchObject({ last_event_id: 2, tasks: [{ title: 'b' }, { title: 'a' }] });
    expect(published.map((e) => e.id)).toEqual([1, 2]);
    await Promise.all([a, b]);
  });

  it('commits an open group before a plain (synchronous) write and on close', async () => {
    const a = t.core.tx.grouped(() => t.core.tasks.create({ title: 'a' }));
    t.core.tasks.create({ title: 'plain' });
    expect(committedTitles()).toEqual(['a', 'plain']);
    expect(published.map((e) => e.id)).toEqual([1, 2]);
    await a;
    const b = t.core.tx.grouped(() => t.core.tasks.create({ title: 'b' }));
    t.core.close();
    await b;
    expect(committedTitles()).toEqual(['a', 'plain', 'b']);
  });
});

describe('group commit over HTTP', () => {
  it('answers 64 concurrent creates, each task stored once and its event streamed in id order', async () => {
    const server = await startTestServer();
    try {
      const answers = await Promise.all(
        Array.from({ length: 64 }, (_, i) =>
          server.api('/api/tasks', { method: 'POST', json: { title: `t${i}` } }),
        ),
      );
      expect(answers.map((r) => r.status)).toEqual(Array(64).fill(201));
      const ids = await Promise.all(answers.map(async (r) => ((await r.json()) as { id: string }).id));
      const stored = server.core.tasks.list().map((task) => task.id);
      expect(new Set(stored)).toEqual(new Set(ids));
      const events = server.core.events.after(0, 100);
      expect(events.map((e) => e.id)).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
    } finally {
      await server.close();
    }
  });
});
