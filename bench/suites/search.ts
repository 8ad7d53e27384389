// Search: `core.search.search()` latency in process over a big store (1,000,000 log lines and
// 100,000 activities in the full run), per kind of query, with words drawn from a Zipf law so some
// are in a few lines and some in hundreds of thousands; the indexer's catch-up and rebuild rates.
// Next to it, what the search queue costs a write: a 1,000-line log append through the domain
// against the same rows into a plain table, and how soon its lines are found.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, SEARCH_FILE } from '../../src/core/core.ts';
import { round, type Summary, summarize } from '../lib/stats.ts';

export interface SearchOptions {
  logLines: number;
  activities: number;
  tasks: number;
  /** Samples per query kind. */
  samples: number;
}

export interface SearchResult {
  logLines: number;
  activities: number;
  tasks: number;
  seedSeconds: number;
  /** The indexer applying the seeded queue (one entry per row): seconds, entries per second. */
  catchUp: { entries: number; seconds: number; perSecond: number };
  /** search.db deleted, then rebuilt from the tables before the first search answers: seconds. */
  rebuildSeconds: number;
  /** From a 1,000-line append's return to a search answering with its last line, ms. */
  searchable: Summary;
  /** Query kind → latency in ms (limit 20, every kind of hit). */
  queries: Record<string, Summary & { hits: number; example: string }>;
  /** Every query above together. */
  all: Summary;
  /** A 1,000-line log append through the domain (its search-queue rows included), ms. */
  appendIndexed: Summary;
  /** The same 1,000 rows into a table of the same shape without an index or triggers, ms. */
  appendPlain: Summary;
  /** `tasks.create` and `activities.create` through the domain, with the search-queue triggers and
   * after dropping them (the same database), ms: what search costs the plainest writes. */
  writes: Record<'create task' | 'log activity', { indexed: Summary; unindexed: Summary }>;
}

type Core = ReturnType<typeof createCore>;

/** A small deterministic generator (mulberry32): the same corpus on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'sa',
  'ti',
  'vo',
  'ze',
  'pa',
  'gu',
  'da',
  'fe',
  'hi',
  'jo',
  'wu',
];
/** Word n of the vocabulary: pronounceable, unique, so FTS5 sees real distinct terms. */
const word = (n: number) => {
  let out = '';
  let x = n + 16;
  while (x > 0) {
    out += SYLLABLES[x % 16];
    x = Math.floor(x / 16);
  }
  return out;
};

/** Draws vocabulary ranks with P(rank r) ∝ 1 / r^1.1. */
function zipf(size: number, next: () => number) {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let r = 0; r < size; r++) {
    sum += 1 / (r + 1) ** 1.1;
    cumulative[r] = sum;
  }
  return () => {
    const x = next() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const VOCABULARY = 30_000;

/** Exported for ad-hoc probes of a seeded store. */
export function seed(core: Core, options: SearchOptions): void {
  const next = random(42);
  const rank = zipf(VOCABULARY, next);
  const sentence = (words: number) => Array.from({ length: words }, () => word(rank())).join(' ');
  const db = core.db;
  const at = (i: number) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + i * 10).toISOString();
  const insertTask = db.prepare(`INSERT INTO tasks (id, title, description, status, priority, version,
    created_at, updated_at) VALUES (?, ?, ?, 'done', 'normal', 1, ?, ?)`);
  const insertActivity = db.prepare(`INSERT INTO task_activities (id, task_id, activity_type, message,
    created_at) VALUES (?, ?, 'updated', ?, ?)`);
  const insertSession = db.prepare(`INSERT INTO openclaw_sessions (id, openclaw_session_id, status,
    session_type, task_id, created_at, updated_at) VALUES (?, ?, 'completed', 'subagent', ?, ?, ?)`);
  const insertLine = db.prepare(`INSERT INTO session_logs (session_id, seq, stream, text, at)
    VALUES (?, ?, 'stdout', ?, ?)`);
  const cacheSize = db.pragma('cache_size', { simple: true });
  db.pragma('cache_size = -1000000');
  const linesPerSession = 1000;
  const sessions = Math.ceil(options.logLines / linesPerSession);
  // In slices: one transaction per 100,000 rows keeps the WAL (and FTS5's pending terms) bounded.
  const slice = (n: number, body: (i: number) => void) => {
    for (let from = 0; from < n; from += 100_000)
      db.transaction(() => {
        for (let i = from; i < Math.min(n, from + 100_000); i++) body(i);
      })();
  };
  slice(options.tasks, (i) => insertTask.run(`t${i}`, sentence(5), sentence(20), at(i), at(i)));
  slice(options.activities, (i) => insertActivity.run(`a${i}`, `t${i % options.tasks}`, sentence(8), at(i)));
  slice(sessions, (i) => insertSession.run(`s${i}`, `oc-${i}`, `t${i % options.tasks}`, at(i), at(i)));
  slice(options.logLines, (i) => {
    // A few fixed words and phrases at known rates: a rare one, a common one, a phrase.
    let text = sentence(10);
    if (i % 200_000 === 7) text += ' xylophone';
    if (i % 100 === 3) text += ' connection refused';
    insertLine.run(`s${Math.floor(i / linesPerSession)}`, (i % linesPerSession) + 1, text, at(i));
  });
  db.pragma(`cache_size = ${cacheSize}`);
}

export async function searchSuite(options: SearchOptions): Promise<SearchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mc-bench-search-'));
  const open = (pollMs?: number) =>
    createCore({ dataDir: dir, sweep: false, ...(pollMs ? { searchIndex: { pollMs } } : {}) });
  // The indexer exists before the seed but does not look at the queue by itself, so the first
  // search below times a catch-up over every seeded row (not a rebuild, not work done meanwhile).
  let core = open(3_600_000);
  try {
    await core.search.search({ q: 'xylophone' });
    const started = performance.now();
    seed(core, options);
    const seedSeconds = round((performance.now() - started) / 1000, 1);
    // Every seeded row is a queue entry: the first search waits until the indexer has applied them.
    const entries = core.db.prepare('SELECT count(*) FROM search_queue').pluck().get() as number;
    let t0 = performance.now();
    await core.search.search({ q: 'xylophone' });
    const caughtUp = (performance.now() - t0) / 1000;
    const catchUp = { entries, seconds: round(caughtUp, 1), perSecond: Math.round(entries / caughtUp) };
    // Closing checkpoints the database (its WAL held the whole seed, which every read would walk);
    // the queries below run on a settled store, as a server that has been up a while has.
    core.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `${SEARCH_FILE}${suffix}`), { force: true });
    core = open();
    t0 = performance.now();
    await core.search.search({ q: 'xylophone' });
    const rebuildSeconds = round((performance.now() - t0) / 1000, 1);
    // The queue of the seeded rows is pruned behind the indexer over many turns: let it finish, so
    // the queries are timed on a server at rest rather than alongside a million deletes.
    const queued = core.db.prepare('SELECT count(*) FROM search_queue').pluck();
    while ((queued.get() as number) > 1) await new Promise((resolve) => setTimeout(resolve, 50));
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    console.log(
      `  indexer: ${entries.toLocaleString('en-US')} queued rows applied in ${catchUp.seconds} s ` +
        `(${catchUp.perSecond.toLocaleString('en-US')}/s); search.db rebuilt from the tables in ${rebuildSeconds} s`,
    );
    // Queries by how many lines hold their words (rank 0 is the most frequent word).
    const kinds: Record<string, (i: number) => string> = {
      'rare word': () => 'xylophone',
      'word in ~1% of lines': (i) => word(20 + (i % 5)),
      'most frequent word': () => word(0),
      'mid-frequency word': (i) => word(300 + (i % 50)),
      'two words (AND)': (i) => `${word(5 + (i % 10))} ${word(200 + (i % 10))}`,
      'either word (OR)': (i) => `${word(1000 + (i % 10))} OR ${word(2000 + (i % 10))}`,
      phrase: () => '"connection refused"',
      'prefix*': (i) => `${word(40 + (i % 20)).slice(0, 3)}*`,
    };
    const queries: SearchResult['queries'] = {};
    const every: number[] = [];
    for (const [name, query] of Object.entries(kinds)) {
      const samples: number[] = [];
      let hits = 0;
      await core.search.search({ q: query(0), limit: 20 }); // warm the page cache for this term
      for (let i = 0; i < options.samples; i++) {
        const q = query(i);
        const t0 = performance.now();
        hits = (await core.search.search({ q, limit: 20 })).hits.length;
        samples.push(performance.now() - t0);
      }
      every.push(...samples);
      queries[name] = { ...summarize(samples), hits, example: query(0) };
      console.log(
        `  ${name.padEnd(22)} p50 ${queries[name].p50} ms, p95 ${queries[name].p95} ms (${query(0)})`,
      );
    }

    core.db.exec(`CREATE TABLE bench_plain_logs (id INTEGER PRIMARY KEY, session_id TEXT NOT NULL,
      seq INTEGER NOT NULL, stream TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL, UNIQUE (session_id, seq))`);
    const plain = core.db.prepare(
      'INSERT INTO bench_plain_logs (session_id, seq, stream, text, at) VALUES (?, ?, ?, ?, ?)',
    );
    const session = core.sessions.registerSubagent('t0', { openclaw_session_id: 'bench-append' });
    const next = random(7);
    const rank = zipf(VOCABULARY, next);
    const batch = () =>
      Array.from({ length: 1000 }, () => ({
        text: Array.from({ length: 10 }, () => word(rank())).join(' '),
        stream: 'stdout' as const,
      }));
    const appendIndexed: number[] = [];
    const appendPlain: number[] = [];
    const searchable: number[] = [];
    let seq = 0;
    for (let r = 0; r < Math.max(5, Math.round(options.samples / 4)); r++) {
      const lines = batch();
      const marker = `zzmarker${word(r)}`;
      (lines[lines.length - 1] as { text: string }).text += ` ${marker}`;
      let t0 = performance.now();
      core.logs.append(session.id, lines);
      appendIndexed.push(performance.now() - t0);
      t0 = performance.now();
      const found = await core.search.search({ q: marker, kinds: 'log' });
      searchable.push(performance.now() - t0);
      if (found.hits.length !== 1) throw new Error(`the appended line with ${marker} was not found`);
      const now = new Date().toISOString();
      t0 = performance.now();
      core.db.transaction(() => {
        for (const line of lines) plain.run('bench', ++seq, 'stdout', line.text, now);
      })();
      appendPlain.push(performance.now() - t0);
    }
    const writeCost = (): Record<'create task' | 'log activity', Summary> => {
      const create: number[] = [];
      const activity: number[] = [];
      for (let i = 0; i < options.samples * 4; i++) {
        let t0 = performance.now();
        core.tasks.create({
          title: `measured ${i}`,
          description: 'a task the bench wrote to time its index',
        });
        create.push(performance.now() - t0);
        t0 = performance.now();
        core.activities.create('t0', { activity_type: 'updated', message: `measured activity ${i}` });
        activity.push(performance.now() - t0);
      }
      return { 'create task': summarize(create), 'log activity': summarize(activity) };
    };
    // A first round warms up (and settles the checkpoint the appends left due); the second counts.
    writeCost();
    const indexed = writeCost();
    core.db.exec('DROP TRIGGER search_queue_tasks_insert; DROP TRIGGER search_queue_task_activities_insert;');
    const unindexed = writeCost();
    const writes = {
      'create task': { indexed: indexed['create task'], unindexed: unindexed['create task'] },
      'log activity': { indexed: indexed['log activity'], unindexed: unindexed['log activity'] },
    };
    const result: SearchResult = {
      logLines: options.logLines,
      activities: options.activities,
      tasks: options.tasks,
      seedSeconds,
      catchUp,
      rebuildSeconds,
      searchable: summarize(searchable),
      queries,
      all: summarize(every),
      appendIndexed: summarize(appendIndexed),
      appendPlain: summarize(appendPlain),
      writes,
    };
    console.log(
      `  all queries p50 ${result.all.p50} ms, p95 ${result.all.p95} ms; 1,000-line append ` +
        `${result.appendIndexed.p50} ms through the domain vs ${result.appendPlain.p50} ms plain, found by a ` +
        `search ${result.searchable.p50} ms after it returned; seeded in ${seedSeconds} s`,
    );
    for (const [op, w] of Object.entries(writes))
      console.log(
        `  ${op} p50 ${w.indexed.p50} ms with its search-queue trigger, ${w.unindexed.p50} ms without`,
      );
    return result;
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
