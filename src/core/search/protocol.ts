// The messages between the app's thread (client.ts) and the indexer's (worker.ts).
import type { SearchHit } from '../../shared/search.ts';
import type { SearchRequest } from './queries.ts';

export interface WorkerData {
  /** search.db */
  file: string;
  /** The app's database, attached read-only. */
  appFile: string;
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
