// Seeds a board through the real HTTP API: parallel POSTs, statuses and priorities spread evenly.
import { TASK_PRIORITIES, TASK_STATUSES } from '../../src/shared/enums.ts';
import type { ServerHandle } from '../../tests/e2e/server.ts';

/** Creates `total` tasks with `workers` requests in flight (~3 s for 10,000 on this machine). */
export async function seedTasks(server: ServerHandle, total: number, workers = 16): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const answer = await server.api('POST', '/api/tasks', {
        title: `Bulk task ${i} — a title long enough to wrap like a real one`,
        description: `Seeded by bench/board for the first-render figure (${i}).`,
        status: TASK_STATUSES[i % TASK_STATUSES.length],
        priority: TASK_PRIORITIES[i % TASK_PRIORITIES.length],
      });
      if (answer.status !== 201) throw new Error(`seed failed at ${i}: ${answer.status}`);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
}
