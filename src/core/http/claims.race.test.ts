// Concurrent claimers over real HTTP: every task is claimed exactly once, none lost, none twice.
import { afterEach, describe, expect, it } from 'vitest';
import type { Task } from '../../shared/entities.ts';
import { startTestServer, type TestServer } from '../testing/harness.ts';

const TASKS = 200;
const WORKERS = 8;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

let s: TestServer;
afterEach(() => s?.close());

interface Claimed {
  worker: string;
  task: Task;
  lease: { agent_id: string };
}

/** Claims until the server answers 204; every answer is kept. */
async function worker(agentId: string): Promise<Claimed[]> {
  const got: Claimed[] = [];
  for (;;) {
    const res = await s.api('/api/work/claim', { method: 'POST', json: { agent_id: agentId, wait_s: 0 } });
    if (res.status === 204) return got;
    if (res.status !== 200) throw new Error(`claim answered ${res.status}: ${await res.text()}`);
    got.push({ worker: agentId, ...((await res.json()) as Omit<Claimed, 'worker'>) });
  }
}

describe('claims under concurrency', () => {
  it(`hands each of ${TASKS} tasks to exactly one of ${WORKERS} concurrent claimers`, async () => {
    s = await startTestServer();
    const post = async (path: string, json: object) => {
      const res = await s.api(path, { method: 'POST', json });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string };
    };
    const agents = await Promise.all(
      Array.from({ length: WORKERS }, (_, i) => post('/api/agents', { name: `worker ${i}` })),
    );
    const created = await Promise.all(
      Array.from({ length: TASKS }, (_, i) =>
        post('/api/tasks', { title: `task ${i}`, priority: PRIORITIES[i % PRIORITIES.length] }),
      ),
    );

    const started = performance.now();
    const results = (await Promise.all(agents.map((a) => worker(a.id)))).flat();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `claims race: ${results.length} claims by ${WORKERS} HTTP workers in ${(seconds * 1000).toFixed(0)} ms ` +
        `= ${(results.length / seconds).toFixed(0)} claims/s (plus ${WORKERS} final 204s)`,
    );

    // The answers: each task once, to the worker that asked, in progress with its lease.
    expect(results).toHaveLength(TASKS);
    const ids = results.map((r) => r.task.id);
    expect(new Set(ids).size).toBe(TASKS);
    expect(new Set(ids)).toEqual(new Set(created.map((t) => t.id)));
    for (const r of results) {
      expect(r.task).toMatchObject({ status: 'in_progress', assigned_agent_id: r.worker, claim_count: 1 });
      expect(r.lease.agent_id).toBe(r.worker);
    }
    // Every worker got some: the claims really ran side by side.
    const perWorker = agents.map((a) => results.filter((r) => r.worker === a.id).length);
    expect(Math.min(...perWorker)).toBeGreaterThan(0);

    // The database: each task claimed once, in progress, held by the worker whose answer named it.
    const rows = s.core.db
      .prepare('SELECT id, status, claim_count, lease_agent_id, assigned_agent_id FROM tasks')
      .all() as Array<{
      id: string;
      status: string;
      claim_count: number;
      lease_agent_id: string;
      assigned_agent_id: string;
    }>;
    expect(rows).toHaveLength(TASKS);
    const holder = new Map(results.map((r) => [r.task.id, r.worker]));
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'in_progress', claim_count: 1 });
      expect(row.lease_agent_id).toBe(holder.get(row.id));
      expect(row.assigned_agent_id).toBe(holder.get(row.id));
    }
    const claims = s.core.db
      .prepare("SELECT COUNT(*) AS n FROM task_activities WHERE message LIKE 'Claimed by %'")
      .get() as { n: number };
    expect(claims.n).toBe(TASKS);
  }, 60_000);
});
