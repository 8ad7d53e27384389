// The messages between the app's thread (client.ts) and the indexer's (worker.ts).
import type { SearchHit } from '../../shared/search.ts';
import type { SearchRequest } from './queries.ts';

/**
 * One Int32 the two threads share about the worker's start. Terminating a thread while it loads
 * better-sqlite3's native addon aborts the whole process (Node: FATAL ERROR in napi), so the app
 * terminates it only before that load begins or after it has ended.
 */
export const START = { starting: 0, loading: 1, loaded: 2, stopped: 3 } as const;

export interface WorkerData {
  /** search.db */
  file: string;
  /** The app's database, attached (the worker checkpoints its WAL). */
  appFile: string;
  /** An Int32Array(1) over a SharedArrayBuffer holding a START value. */
  start: Int32Array<SharedArrayBuffer>;
  /** How often the indexer looks at the queue while writes come (ms; it backs off to 1 s when idle). */
  pollMs: number;
}

export type IndexRequest =
  | ({ op: 'search' } & SearchRequest)
  | { op: 'activityRows'; taskId: string; fts: string };

export type IndexAnswer<R extends IndexRequest> = R extends { op: 'search' } ? SearchHit[] : number[];

export type ToWorker = { op: 'ask'; id: number; upTo: number; request: IndexRequest };

export type FromWorker =
  /** The index holds every queue entry up to `cursor` (sent when it moves). */
  | { op: 'indexed'; cursor: number }
  | { op: 'answer'; id: number; value: unknown }
  /** `query`: the FTS5 parser refused the query (a 400 for the client); `failed`: anything else. */
  | { op: 'error'; id: number; kind: 'query' | 'failed'; message: string };
