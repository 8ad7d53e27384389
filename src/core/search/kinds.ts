// What the search index holds, per kind of text: the app table a row comes from, its rowid column
// (the key the index and search_queue use), the indexed columns and the index's name in search.db.
// The numbers are search_queue.kind, written by the triggers of migration 014.
import type { SearchKind } from '../../shared/search.ts';

export interface IndexedKind {
  kind: SearchKind;
  queue: number;
  table: string;
  rowid: string;
  columns: readonly string[];
  index: string;
}

export const INDEXED: readonly IndexedKind[] = [
  {
    kind: 'task',
    queue: 1,
    table: 'tasks',
    rowid: 'rowid',
    columns: ['title', 'description'],
    index: 'search_tasks',
  },
  {
    kind: 'activity',
    queue: 2,
    table: 'task_activities',
    rowid: 'rowid',
    columns: ['message'],
    index: 'search_activities',
  },
  {
    kind: 'deliverable',
    queue: 3,
    table: 'task_deliverables',
    rowid: 'rowid',
    columns: ['title', 'path', 'description'],
    index: 'search_deliverables',
  },
  {
    kind: 'comment',
    queue: 4,
    table: 'task_comments',
    rowid: 'rowid',
    columns: ['body'],
    index: 'search_comments',
  },
  { kind: 'log', queue: 5, table: 'session_logs', rowid: 'id', columns: ['text'], index: 'search_logs' },
];

export const indexOf = (kind: SearchKind): IndexedKind => INDEXED.find((k) => k.kind === kind) as IndexedKind;
