// The Done column a page at a time: done tasks newest first by (updated_at, id), walked by keyset
// (idx_tasks_done, migration 013), so a board with 90,000 done tasks loads only its newest ones.
// The cursor is opaque to clients: base64url of `[updated_at, id]` of the last task handed out.
import type { Task } from '../../shared/entities.ts';
import { DomainError } from './errors.ts';
import { TASK_SELECT, type TaskRow, taskFromRow } from './task-rows.ts';
import type { Transactions } from './transactions.ts';

/** How many done tasks the snapshot carries, and a page's size when the caller names none. */
export const DONE_WINDOW = 150;

export interface DonePage {
  tasks: Task[];
  /** The cursor for the next (older) page; null when this page reached the oldest done task. */
  next: string | null;
}

const encode = (task: Pick<Task, 'updated_at' | 'id'>) =>
  Buffer.from(JSON.stringify([task.updated_at, task.id])).toString('base64url');

function decode(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    )
      return [parsed[0], parsed[1]];
  } catch {
    // answered below
  }
  throw new DomainError('invalid', 'before is not a cursor this server handed out', { before: cursor });
}

export function createDonePages(tx: Transactions) {
  const { db } = tx;
  // (updated_at, id) is unique, so pages split ties of updated_at exactly: nothing twice, nothing lost.
  const newest = db.prepare<[number], TaskRow>(`SELECT ${TASK_SELECT} FROM tasks t
    WHERE t.status = 'done' ORDER BY t.updated_at DESC, t.id DESC LIMIT ?`);
  const older = db.prepare<[string, string, number], TaskRow>(`SELECT ${TASK_SELECT} FROM tasks t
    WHERE t.status = 'done' AND (t.updated_at, t.id) < (?, ?)
    ORDER BY t.updated_at DESC, t.id DESC LIMIT ?`);
  const count = db.prepare<[], number>("SELECT count(*) FROM tasks WHERE status = 'done'").pluck();
  // A scan: at 100,000 tasks it is ~1 ms of the ~21 ms this read takes (building the rows is the rest).
  const notDone = db.prepare<[], TaskRow>(`SELECT ${TASK_SELECT} FROM tasks t
    WHERE t.status <> 'done' ORDER BY t.created_at DESC, t.rowid DESC`);

  return {
    /** Every task not done: the board's other columns, always whole. */
    open: (): Task[] => notDone.all().map(taskFromRow),
    /** The done tasks after `before` (from the newest without one), at most `limit`. */
    page(before: string | undefined, limit = DONE_WINDOW): DonePage {
      // One row more than asked tells whether an older page exists without a second query.
      const rows = before ? older.all(...decode(before), limit + 1) : newest.all(limit + 1);
      const tasks = rows.slice(0, limit).map(taskFromRow);
      const last = tasks.at(-1);
      return { tasks, next: rows.length > limit && last ? encode(last) : null };
    },
    total: (): number => count.get() ?? 0,
  };
}

export type DonePages = ReturnType<typeof createDonePages>;
