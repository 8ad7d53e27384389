// Seeds a board through the real HTTP API: parallel POSTs, priorities spread evenly; statuses spread
// evenly too, or, with a done share, that share in Done and the rest spread over the other five columns.
import { TASK_PRIORITIES, TASK_STATUSES, type TaskStatus } from '../../src/shared/enums.ts';
import type { ServerHandle } from '../../tests/e2e/server.ts';

const OPEN_STATUSES = TASK_STATUSES.filter((s) => s !== 'done');

/** Task i's status: every sixth column in turn, or `doneShare` of them done, interleaved (a year of work). */
export function statusOf(i: number, doneShare: number | null): TaskStatus {
  if (doneShare === null) return TASK_STATUSES[i % TASK_STATUSES.length] as TaskStatus;
  // Bresenham-like: task i is done when the running share of done tasks falls behind doneShare.
  const done = Math.floor((i + 1) * doneShare) > Math.floor(i * doneShare);
  return done ? 'done' : (OPEN_STATUSES[i % OPEN_STATUSES.length] as TaskStatus);
}

/**
 * Creates `total` tasks with `workers` requests in flight (~3 s for 10,000 on this machine), through
 * the API so the rows are exactly what the server writes.
 */
export async function seedTasks(
  server: ServerHandle,
  total: number,
  workers = 16,
  doneShare: number | null = null,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const answer = await server.api('POST', '/api/tasks', {
        title: `Bulk task ${i} — a title long enough to wrap like a real one`,
        description: `Seeded by bench/board for the first-render figure (${i}).`,
        status: statusOf(i, doneShare),
        priority: TASK_PRIORITIES[i % TASK_PRIORITIES.length],
      });
      if (answer.status !== 201) throw new Error(`seed failed at ${i}: ${answer.status}`);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
}
