// The Done column pages (issue 18, item 8): the snapshot carries the open tasks and only the newest
// done ones, older ones are read page by page in the column's order (updated_at, then id, newest
// first). A partial index over done tasks serves that keyset walk and the done count; only a task in
// Done writes to it, so a create (inbox) does not. The open tasks need no index: the snapshot's scan
// over 100,000 rows costs ~1 ms of its ~21 ms (materialising the 10,000 open tasks is the rest).
import type { Migration } from './types.ts';

export const boardPaging: Migration = {
  version: 13,
  name: 'board paging: done tasks by updated_at, id',
  sql: `CREATE INDEX idx_tasks_done ON tasks (updated_at, id) WHERE status = 'done';`,
};
