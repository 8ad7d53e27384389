// The search index leaves the write's transaction (issue 18, item 2; CONTROL_LOOP §6 as amended).
// Keeping five FTS5 indexes exact inside every write cost a create ~27 µs of CPU (a third of its
// whole cost) and a 1,000-line log append 20 ms. Now a write only notes what it touched: one row
// (kind, rowid) in `search_queue`, by the triggers below, in the same transaction — so nothing a
// committed write changed can be missed, cascades included (their deletes fire triggers too). The
// indexer (core/search/) reads the queue from a durable cursor on its own thread and brings a
// separate file, search.db, up to date; a search first waits until the index has reached every
// write committed before it, so answers never trail what the client already saw acknowledged.
//
// Kinds: 1 task, 2 activity, 3 deliverable, 4 comment, 5 log line (core/search/kinds.ts).
// The queue's ids must never be reused (the indexer's cursor is an id): the pruner always keeps the
// newest row, so max(id) + 1 only grows (cheaper than AUTOINCREMENT's sqlite_sequence update).
// The old in-database indexes go; search.db is rebuilt from the tables on first start.
import type { Migration } from './types.ts';

const TABLES = [
  { kind: 1, table: 'tasks', row: 'rowid', text: ['title', 'description'], old: 'search_tasks' },
  { kind: 2, table: 'task_activities', row: 'rowid', text: ['message'], old: 'search_activities' },
  {
    kind: 3,
    table: 'task_deliverables',
    row: 'rowid',
    text: ['title', 'path', 'description'],
    old: 'search_deliverables',
  },
  { kind: 4, table: 'task_comments', row: 'rowid', text: ['body'], old: 'search_comments' },
  { kind: 5, table: 'session_logs', row: 'id', text: ['text'], old: 'search_logs' },
];

function queueTriggers({ kind, table, row, text, old }: (typeof TABLES)[number]): string {
  const changed = text.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');
  const name = `search_queue_${table}`;
  return `
    DROP TRIGGER ${old}_insert; DROP TRIGGER ${old}_delete; DROP TRIGGER ${old}_update;
    DROP TABLE ${old};
    CREATE TRIGGER ${name}_insert AFTER INSERT ON ${table} BEGIN
      INSERT INTO search_queue (kind, row) VALUES (${kind}, new.${row});
    END;
    CREATE TRIGGER ${name}_delete AFTER DELETE ON ${table} BEGIN
      INSERT INTO search_queue (kind, row) VALUES (${kind}, old.${row});
    END;
    CREATE TRIGGER ${name}_update AFTER UPDATE OF ${text.join(', ')} ON ${table} WHEN ${changed} BEGIN
      INSERT INTO search_queue (kind, row) VALUES (${kind}, new.${row});
    END;`;
}

export const searchQueue: Migration = {
  version: 14,
  name: 'search index outside the write: a queue of touched rows',
  sql: `
    CREATE TABLE search_queue (id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, row INTEGER NOT NULL);
    ${TABLES.map(queueTriggers).join('\n')}
  `,
};
