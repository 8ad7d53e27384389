// The queries the index answers, run by the indexer on search.db with the app's database attached as
// `app`: one bm25-ranked query per kind, merged. bm25 scores of different indexes do not compare:
// each weighs a word by its rarity in its own index, so a word in every task title scores near zero
// there and high in a few log lines. Kinds are merged by weighted reciprocal rank instead (each
// kind's n-th hit scores WEIGHT / (RRF_K + n)), which interleaves them, with what a person names a
// thing by (task and deliverable titles) ahead of chatter (activities, log lines).
import type { Database } from 'better-sqlite3';
import type { SearchHit, SearchKind } from '../../shared/search.ts';
import { INDEXED, indexOf } from './kinds.ts';

/**
 * snippet() wraps each match in these; they become `highlights`. Unicode noncharacters: reserved for
 * a program's internal use, so they do not occur in text people or agents write.
 */
const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';
const SNIPPET_TOKENS = 24;

/**
 * bm25 must score every match before it can sort them, so a word in half a million log lines would
 * take seconds. Each kind ranks only its newest CANDIDATES matches (found in rowid order, which FTS5
 * walks without scoring): relevance among recent things, at a bounded cost. (bm25 still reads each
 * phrase's whole doclist once per query, for its document frequency: ~16 ms for a word in 700,000
 * of 1,000,000 log lines.)
 */
export const CANDIDATES = 2000;

const WEIGHT: Record<SearchKind, number> = {
  task: 1.5,
  deliverable: 1.2,
  comment: 1,
  activity: 0.9,
  log: 0.8,
};
/** Small: a kind's first hits lead only a few places over another kind's first (not dozens). */
const RRF_K = 2;

interface Row {
  id: string;
  task_id: string | null;
  session_id?: string | null;
  seq?: number | null;
  title: string;
  snip: string;
  score: number;
  at: string;
}

/** Per kind: bm25 column weights, and the SELECT joining ranked matches `m` (r, score) to the app. */
const KINDS: Record<SearchKind, { weights: string; select: string }> = {
  task: {
    weights: '3.0, 1.0',
    select: `SELECT t.id, t.id AS task_id, t.title, m.r, m.score, t.updated_at AS at
      FROM m JOIN app.tasks t ON t.rowid = m.r`,
  },
  activity: {
    weights: '1.0',
    select: `SELECT a.id, a.task_id, t.title, m.r, m.score, a.created_at AS at
      FROM m JOIN app.task_activities a ON a.rowid = m.r JOIN app.tasks t ON t.id = a.task_id`,
  },
  deliverable: {
    weights: '3.0, 2.0, 1.0',
    select: `SELECT d.id, d.task_id, d.title, m.r, m.score, d.created_at AS at
      FROM m JOIN app.task_deliverables d ON d.rowid = m.r`,
  },
  comment: {
    weights: '1.0',
    select: `SELECT c.id, c.task_id, t.title, m.r, m.score, c.created_at AS at
      FROM m JOIN app.task_comments c ON c.rowid = m.r JOIN app.tasks t ON t.id = c.task_id`,
  },
  log: {
    weights: '1.0',
    select: `SELECT l.session_id || ':' || l.seq AS id, s.task_id, l.session_id, l.seq,
        COALESCE(t.title, s.agent_name, s.openclaw_session_id) AS title, m.r, m.score, l.at
      FROM m JOIN app.session_logs l ON l.id = m.r JOIN app.openclaw_sessions s ON s.id = l.session_id
      LEFT JOIN app.tasks t ON t.id = s.task_id`,
  },
};

/** Strips the markers out of a snippet and answers where they were, as `[start, end)` offsets. */
export function parseSnippet(marked: string): { snippet: string; highlights: Array<[number, number]> } {
  let snippet = '';
  let start = -1;
  const highlights: Array<[number, number]> = [];
  for (const c of marked) {
    if (c === OPEN) start = snippet.length;
    else if (c === CLOSE) {
      if (start >= 0 && snippet.length > start) highlights.push([start, snippet.length]);
      start = -1;
    } else snippet += c;
  }
  return { snippet, highlights };
}

/** An FTS5 failure on a MATCH is the query's fault (the parser's message says where). */
export class QueryError extends Error {}

function matching<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_ERROR')
      throw new QueryError(`The query cannot be parsed: ${(error as Error).message.replace(/^fts5: /, '')}`);
    throw error;
  }
}

function kindQuery(db: Database, kind: SearchKind) {
  const { weights, select } = KINDS[kind];
  const { index } = indexOf(kind);
  // Candidates: the newest matches, walked in rowid order (no scoring) and cut at CANDIDATES; then
  // bm25 orders them. (FTS5's own rank sorter would score every match.) snippet() runs once per
  // hit, a lookup by rowid, not once per candidate.
  return db.prepare<{ q: string; candidates: number; limit: number }, Row>(`WITH
    c AS (SELECT rowid AS r, bm25(${index}, ${weights}) AS score FROM ${index}
      WHERE ${index} MATCH @q ORDER BY rowid DESC LIMIT @candidates),
    m AS (SELECT r, score FROM c ORDER BY score LIMIT @limit)
    SELECT hit.*, (SELECT snippet(${index}, -1, '${OPEN}', '${CLOSE}', '…', ${SNIPPET_TOKENS})
        FROM ${index} WHERE ${index} MATCH @q AND rowid = hit.r) AS snip
    FROM (${select}) AS hit ORDER BY hit.score`);
}

export interface SearchRequest {
  /** An FTS5 query, as search-query.ts writes it. */
  fts: string;
  kinds: SearchKind[];
  limit: number;
}

export function createQueries(db: Database) {
  const queries = new Map(INDEXED.map((k) => [k.kind, kindQuery(db, k.kind)]));
  const activityRows = db.prepare<[string, string], { rowid: number }>(
    `SELECT rowid FROM search_activities WHERE search_activities MATCH ?
       AND rowid IN (SELECT rowid FROM app.task_activities WHERE task_id = ?)`,
  );
  const read = <T>(fn: () => T): T => db.transaction(fn)();

  return {
    /** The hits of every kind asked, best first. */
    search({ fts, kinds, limit }: SearchRequest): SearchHit[] {
      const scored = read(() =>
        matching(() =>
          [...new Set(kinds)].flatMap((kind) =>
            (queries.get(kind) as ReturnType<typeof kindQuery>)
              .all({ q: fts, candidates: CANDIDATES, limit })
              .map((row, n) => ({ kind, row, score: WEIGHT[kind] / (RRF_K + n + 1) })),
          ),
        ),
      );
      scored.sort((a, b) => b.score - a.score || (a.row.at < b.row.at ? 1 : a.row.at > b.row.at ? -1 : 0));
      return scored.slice(0, limit).map(({ kind, row }) => ({
        kind,
        id: row.id,
        task_id: row.task_id,
        ...(row.session_id ? { session_id: row.session_id } : {}),
        ...(row.seq ? { seq: row.seq } : {}),
        title: row.title,
        ...parseSnippet(row.snip),
        at: row.at,
      }));
    },
    /** The rowids of a task's activities whose message matches `fts`. */
    activityRows(taskId: string, fts: string): number[] {
      return read(() => matching(() => activityRows.all(fts, taskId).map((r) => r.rowid)));
    },
  };
}

export type IndexQueries = ReturnType<typeof createQueries>;
