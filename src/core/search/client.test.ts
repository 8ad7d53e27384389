// The search index on its own thread, as the core uses it: a search sees every write acknowledged
// before it, the queue is pruned behind the indexer without reusing ids, the index survives a restart
// and is rebuilt when its file is gone, and closing answers waiting searches instead of hanging.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { type Core, createCore, SEARCH_FILE } from '../core.ts';
import { DATABASE_FILE } from '../db/open.ts';
import { tempDir } from '../testing/harness.ts';
import { createSearchIndex } from './client.ts';
import { START } from './protocol.ts';

let temp: ReturnType<typeof tempDir>;
let core: Core | undefined;
afterEach(() => {
  core?.close();
  core = undefined;
  temp?.cleanup();
});

/** A core whose indexer never looks at the queue by itself: only searches move it. */
const c = () => core as Core;
const open = () =>
  (core = createCore({ dataDir: temp.dir, sweep: false, searchIndex: { pollMs: 3_600_000 } }));
const ids = async (q: string) => (await c().search.search({ q })).hits.map((h) => h.id);
const queue = () => c().db.prepare('SELECT id FROM search_queue ORDER BY id').pluck().all() as number[];

it('finds what was written just before the search, then prunes the queue behind the index and never reuses an id', async () => {
  temp = tempDir();
  open();
  const first = c().tasks.create({ title: 'walrus one' });
  expect(await ids('walrus')).toEqual([first.id]);
  const second = c().tasks.create({ title: 'walrus two' });
  c().tasks.update(first?.id as string, { title: 'narwhal' });
  expect(await ids('walrus')).toEqual([second?.id]);
  expect(await ids('narwhal')).toEqual([first?.id]);
  const newest = c().db.prepare('SELECT max(id) FROM search_queue').pluck().get() as number;
  expect(newest).toBe(3); // two creates and a title edit
  // Pruned once the indexer reports its cursor: everything indexed goes but the newest row.
  await expect.poll(queue, { timeout: 3000 }).toEqual([newest]);
  c().tasks.create({ title: 'walrus three' });
  expect(queue()).toEqual([newest, newest + 1]);
  expect(await ids('three')).toHaveLength(1);
});

it('keeps its index across a restart, and rebuilds it when search.db is gone', async () => {
  temp = tempDir();
  open();
  const task = c().tasks.create({ title: 'platypus' });
  expect(await ids('platypus')).toEqual([task?.id]);
  c().close();
  open();
  const later = c().tasks.create({ title: 'platypus again' });
  expect(await ids('platypus')).toHaveLength(2);
  c().close();
  rmSync(join(temp.dir, SEARCH_FILE));
  open();
  expect((await ids('platypus')).sort()).toEqual([task?.id, later?.id].sort());
  expect(existsSync(join(temp.dir, SEARCH_FILE))).toBe(true);
});

it('closes at once while the indexer works through a backlog: a waiting search gets 503, the WAL is checkpointed', async () => {
  temp = tempDir();
  open();
  const insert = c().db.prepare(`INSERT INTO task_activities (id, task_id, activity_type, message, created_at)
    VALUES (?, ?, 'updated', ?, '2026-01-01T00:00:00.000Z')`);
  const task = c().tasks.create({ title: 'capybara' });
  c().db.transaction(() => {
    for (let i = 0; i < 100_000; i++) insert.run(`a${i}`, task.id, `capybara line ${i} of the backlog`);
  })();
  const waiting = c().search.search({ q: 'capybara' });
  await new Promise((resolve) => setTimeout(resolve, 100)); // the indexer is busy with the backlog
  const started = performance.now();
  c().close();
  const ms = performance.now() - started;
  core = undefined;
  await expect(waiting).rejects.toMatchObject({ code: 'server_unavailable' });
  expect(ms).toBeLessThan(500);
  const wal = join(temp.dir, `${DATABASE_FILE}-wal`);
  expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
});

it.runIf(process.platform === 'linux')(
  'lowers the priority of its own thread only, never the one answering requests',
  async () => {
    temp = tempDir();
    open();
    await ids('anything'); // the indexer is running
    const nice = (stat: string) => Number(readFileSync(stat, 'utf8').split(') ')[1]?.split(' ')[16]);
    const threads = readdirSync('/proc/self/task').map((tid) => nice(`/proc/self/task/${tid}/stat`));
    expect(nice('/proc/thread-self/stat')).toBe(0);
    expect(threads).toContain(10);
  },
);

it('answers 503 while its thread cannot start, and starts it again by itself once it can', async () => {
  temp = tempDir();
  const file = join(temp.dir, SEARCH_FILE);
  mkdirSync(file); // a directory where search.db should be: the indexer fails as it opens it
  core = createCore({ dataDir: temp.dir, sweep: false, searchIndex: { startAfterMs: 0 } });
  c().tasks.create({ title: 'echidna one' });
  c().tasks.create({ title: 'echidna two' });
  await expect(c().search.search({ q: 'echidna' })).rejects.toMatchObject({ code: 'server_unavailable' });
  rmSync(file, { recursive: true });
  // No search asks for it: only a restart on its own gets the queue indexed and pruned.
  await expect.poll(queue, { timeout: 10_000, interval: 100 }).toHaveLength(1);
  expect(await ids('echidna')).toHaveLength(2);
});

it("checkpoints the app's WAL on its own thread, so the app's writes need not", async () => {
  temp = tempDir();
  core = createCore({ dataDir: temp.dir, sweep: false, searchIndex: { startAfterMs: 0, pollMs: 20 } });
  c().db.pragma('wal_autocheckpoint = 0'); // the app's thread never checkpoints now
  c().db.pragma('wal_checkpoint(TRUNCATE)');
  const file = join(temp.dir, DATABASE_FILE);
  const before = statSync(file).size;
  for (let i = 0; i < 2_000; i++) c().tasks.create({ title: `wombat ${i}` });
  // The tasks are in the WAL; only a checkpoint copies them into the database file, which grows.
  await expect.poll(() => statSync(file).size, { timeout: 5_000, interval: 50 }).toBeGreaterThan(before);
});

it('still leaves an empty WAL on close, in under 0.5 s, while its thread is checkpointing', async () => {
  for (let round = 0; round < 8; round++) {
    temp?.cleanup();
    temp = tempDir();
    core = createCore({ dataDir: temp.dir, sweep: false, searchIndex: { startAfterMs: 0, pollMs: 1 } });
    c().db.pragma('wal_autocheckpoint = 0');
    const until = performance.now() + 150;
    while (performance.now() < until) {
      for (let i = 0; i < 200; i++) c().tasks.create({ title: `quokka ${round} ${i}` });
      await new Promise((resolve) => setTimeout(resolve, 1)); // the thread checkpoints meanwhile
    }
    const started = performance.now();
    c().close();
    core = undefined;
    expect(performance.now() - started, `round ${round}`).toBeLessThan(500);
    const wal = join(temp.dir, `${DATABASE_FILE}-wal`);
    expect(existsSync(wal) ? statSync(wal).size : 0, `round ${round}`).toBe(0);
  }
});

it('can be closed while its thread loads the native addon, without aborting the process', async () => {
  // Terminating a thread in the middle of loading better-sqlite3 aborted the whole process (SIGABRT).
  temp = tempDir();
  core = createCore({ dataDir: temp.dir, sweep: false, searchIndex: { startAfterMs: 3_600_000 } });
  for (let round = 0; round < 5; round++) {
    const index = createSearchIndex(c().tx, { file: join(temp.dir, `probe-${round}.db`), startAfterMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 5)); // its start timer fires: the thread exists
    // The load lasts milliseconds: watch for it without yielding (the thread runs on its own).
    const deadline = Date.now() + 10_000;
    while (index.startState === START.starting && Date.now() < deadline);
    expect(index.startState).toBe(START.loading);
    index.close();
    expect(index.startState).toBe(START.loaded); // it waited for the load to end
  }
  // Closed once its thread exists but before the load began: the thread never begins it.
  const early = createSearchIndex(c().tx, { file: join(temp.dir, 'probe-early.db'), startAfterMs: 0 });
  await new Promise((resolve) => setTimeout(resolve, 5));
  early.close();
  expect([START.stopped, START.loaded]).toContain(early.startState);
});
