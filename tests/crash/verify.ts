// After the crashes: every acknowledged write is in the database and the event log exactly once, and
// the search index, written by its own thread and killed with the rest, is intact and exact.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SEARCH_FILE } from '../../src/core/core.ts';
import { INDEX_VERSION, openIndex } from '../../src/core/search/index-db.ts';
import { INDEXED } from '../../src/core/search/kinds.ts';
import type { CrashState } from './crash-cycles.ts';
import type { Follower } from './follower.ts';

export interface Verdict {
  lost: number;
  duplicated: number;
  events: number;
  integrity: string;
  problems: string[];
}

const EVENT_OF = { task: 'task_created', activity: 'activity_logged' } as const;

export function verifyDatabase(file: string, state: CrashState, followers: Follower[]): Verdict {
  const db = new BetterSqlite3(file, { readonly: true });
  const problems: string[] = [];
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const rowsOf = {
      task: db.prepare<[string], { id: string }>('SELECT id FROM tasks WHERE title = ?'),
      activity: db.prepare<[string], { id: string }>('SELECT id FROM task_activities WHERE message = ?'),
    };
    const eventsOf = db.prepare<[string, string], { id: number }>(
      "SELECT id FROM events WHERE type = ? AND json_extract(payload, '$.id') = ?",
    );
    let lost = 0;
    let duplicated = 0;
    for (const [key, { kind, id }] of state.acked) {
      const rows = rowsOf[kind].all(key);
      const events = eventsOf.all(EVENT_OF[kind], id);
      if (rows.length === 0 || events.length === 0) lost += 1;
      if (rows.length > 1 || events.length > 1) duplicated += 1;
      if (rows.length === 1 && rows[0]?.id !== id)
        problems.push(`${key}: answered ${id}, stored ${rows[0]?.id}`);
    }
    // Nothing beyond the acknowledged writes: a retried write whose first attempt committed is not doubled.
    const tasks = db.prepare('SELECT count(*) FROM tasks').pluck().get() as number;
    const activities = db.prepare('SELECT count(*) FROM task_activities').pluck().get() as number;
    const ackedTasks = [...state.acked.values()].filter((a) => a.kind === 'task').length;
    if (tasks !== ackedTasks) problems.push(`${tasks} tasks stored for ${ackedTasks} acknowledged`);
    if (activities !== state.acked.size - ackedTasks)
      problems.push(`${activities} activities stored for ${state.acked.size - ackedTasks} acknowledged`);
    if (state.pending.length > 0) problems.push(`${state.pending.length} writes never answered`);

    // Every reader saw exactly the log, in order; an id it saw still names the same event (no reuse).
    const log = db.prepare(
      "SELECT id, type, json_extract(payload, '$.id') AS entity FROM events ORDER BY id",
    );
    const events = log.all() as { id: number; type: string; entity: string }[];
    if (events.length !== tasks + activities)
      problems.push(`${events.length} events for ${tasks + activities} rows`);
    for (const [n, follower] of followers.entries()) {
      problems.push(...follower.problems.map((p) => `reader ${n}: ${p}`));
      if (follower.seen.length !== events.length)
        problems.push(`reader ${n} saw ${follower.seen.length} of ${events.length} events`);
      const mismatch = follower.seen.findIndex(
        (e, i) => e.id !== events[i]?.id || e.type !== events[i]?.type || e.entity !== events[i]?.entity,
      );
      if (mismatch !== -1) problems.push(`reader ${n}: event #${mismatch} differs from the log`);
    }
    problems.push(...verifySearchIndex(file));
    return { lost, duplicated, events: events.length, integrity, problems };
  } finally {
    db.close();
  }
}

/**
 * search.db as the kills left it: undamaged and of this version (openIndex would quietly rebuild a
 * damaged one, hiding the fault); then, with the rest of the queue applied as a restart would,
 * holding exactly the rows of the app's tables.
 */
function verifySearchIndex(appFile: string): string[] {
  const file = join(dirname(appFile), SEARCH_FILE);
  const problems: string[] = [];
  // No file: no run lasted long enough for the indexer to start (it starts 1 s in); built below.
  const raw = existsSync(file) ? new BetterSqlite3(file, { readonly: true }) : null;
  if (raw)
    try {
      const integrity = String(raw.pragma('integrity_check', { simple: true }));
      if (integrity !== 'ok') problems.push(`search.db integrity: ${integrity}`);
      if (raw.pragma('user_version', { simple: true }) !== INDEX_VERSION)
        problems.push('search.db: wrong version');
      if (!raw.prepare('SELECT cursor FROM indexer_state').get()) problems.push('search.db: no cursor');
    } finally {
      raw.close();
    }
  if (problems.length > 0) return problems;
  const index = openIndex(file, appFile);
  try {
    while (index.cursor() < index.queued()) index.catchUp();
    for (const k of INDEXED) {
      const count = (sql: string) =>
        index.db.prepare(`SELECT count(*) FROM (${sql})`).pluck().get() as number;
      const missing = count(`SELECT ${k.rowid} FROM app.${k.table} EXCEPT SELECT rowid FROM ${k.index}`);
      const extra = count(`SELECT rowid FROM ${k.index} EXCEPT SELECT ${k.rowid} FROM app.${k.table}`);
      const differ = missing + extra;
      if (differ > 0) problems.push(`search index ${k.index}: ${missing} rows missing, ${extra} extra`);
      index.db.prepare(`INSERT INTO ${k.index}(${k.index}, rank) VALUES ('integrity-check', 1)`).run();
    }
  } catch (error) {
    problems.push(`search index: ${(error as Error).message}`);
  } finally {
    index.close();
  }
  return problems;
}
