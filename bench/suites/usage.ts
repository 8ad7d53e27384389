// Usage and cost: `GET /api/usage` for each grouping over 100,000 reports (seeded with SQL in one
// transaction: 1,000 tasks, 20 agents, 8 models, 90 days), all time and the last 7 days, over HTTP
// (a server in this process, a keep-alive raw socket) next to the same sums called in process; the
// query plans; and a report's round trip next to a task create's in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../src/core/core.ts';
import { startServer } from '../../src/core/server.ts';
import { USAGE_GROUPS, type UsageGroup } from '../../src/shared/usage.ts';
import { RawConnection, requestBytes } from '../lib/raw-client.ts';
import { round, type Summary, summarize } from '../lib/stats.ts';

const TOKEN = 'bench-token-0123456789abcdef';
const DAY_MS = 86_400_000;

export interface UsageQueryRow {
  group: UsageGroup;
  window: 'all' | '7 days';
  rows: number;
  /** Reports summed. */
  reports: number;
  /** Over HTTP, ms. */
  http: Summary;
  /** `core.usage.summary()` in process, ms. */
  inProcess: Summary;
  plan: string;
}

export interface UsageResult {
  reports: number;
  seedSeconds: number;
  queries: UsageQueryRow[];
  /** `POST /api/tasks/:id/usage` round trip, ms. */
  reportRoundTrip: Summary;
  /** `POST /api/tasks` round trip in the same run, ms. */
  createRoundTrip: Summary;
}

/** Reports spread over `days` days ending at `end`, each with a cost of awkward micro-dollars. */
function seed(core: ReturnType<typeof createCore>, reports: number, end: number, days: number): number {
  const started = performance.now();
  const agents = Array.from({ length: 20 }, (_, i) => core.agents.create({ name: `agent ${i}` }).id);
  const taskIds: string[] = [];
  core.db.transaction(() => {
    for (let i = 0; i < 1000; i++) taskIds.push(core.tasks.create({ title: `task ${i}` }).id);
  })();
  const insert = core.db.prepare(`INSERT INTO usage_reports (id, task_id, session_id, agent_id, model,
    input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cost_micros, created_at)
    VALUES (?, ?, NULL, ?, ?, ?, ?, ?, 0, ?, ?)`);
  core.db.transaction(() => {
    for (let i = 0; i < reports; i++) {
      const at = new Date(end - Math.floor((i / reports) * days * DAY_MS)).toISOString();
      insert.run(
        `r${String(i).padStart(8, '0')}`,
        taskIds[i % taskIds.length],
        agents[i % agents.length],
        `model-${i % 8}`,
        1000 + (i % 5000),
        100 + (i % 700),
        i % 3 === 0 ? 20_000 : 0,
        i % 10 === 0 ? null : 1 + (i % 99_999),
        at,
      );
    }
    // The task rows' running totals, as the reports would have kept them.
    core.db.exec(`UPDATE tasks SET usage_input_tokens = s.i, usage_output_tokens = s.o,
      usage_cost_micros = s.c, usage_reports = s.n, usage_unpriced_reports = s.n - s.p
      FROM (SELECT task_id, sum(input_tokens) i, sum(output_tokens) o, coalesce(sum(cost_micros), 0) c,
            count(*) n, count(cost_micros) p FROM usage_reports GROUP BY task_id) s WHERE s.task_id = tasks.id`);
  })();
  core.db.exec('ANALYZE');
  return round((performance.now() - started) / 1000, 1);
}

function planOf(core: ReturnType<typeof createCore>, group: UsageGroup): string {
  const key = { task: 'task_id', agent: 'agent_id', model: 'model', day: 'substr(created_at, 1, 10)' }[group];
  const rows = core.db
    .prepare(`EXPLAIN QUERY PLAN SELECT ${key} AS key, sum(input_tokens), sum(output_tokens),
      sum(cache_read_tokens), sum(cache_write_tokens), sum(cost_micros), count(cost_micros), count(*)
      FROM usage_reports WHERE created_at >= ? AND created_at < ? GROUP BY ${key}`)
    .all('', '\uffff') as Array<{ detail: string }>;
  return rows.map((r) => r.detail).join('; ');
}

export async function usage(options: { reports: number; samples: number }): Promise<UsageResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mc-bench-usage-'));
  const core = createCore({ dataDir: dir, sweep: false });
  const server = await startServer({ core, token: TOKEN, host: '127.0.0.1', port: 0 });
  try {
    const end = Date.now();
    const seedSeconds = seed(core, options.reports, end, 90);
    console.log(`  seeded ${options.reports.toLocaleString('en-US')} reports in ${seedSeconds} s`);
    const conn = await RawConnection.open(server.port);
    const get = async (path: string) => {
      const res = await conn.request(requestBytes('GET', path, server.port, TOKEN));
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${res.body}`);
      return res.body;
    };
    const queries: UsageQueryRow[] = [];
    const weekAgo = new Date(end - 7 * DAY_MS).toISOString().slice(0, 10);
    for (const window of ['all', '7 days'] as const) {
      for (const group of USAGE_GROUPS) {
        const query = { group_by: group, ...(window === 'all' ? {} : { from: weekAgo }) };
        const path = `/api/usage?${new URLSearchParams(query)}`;
        const answer = JSON.parse(await get(path)) as { rows: Array<{ reports: number }> };
        const http: number[] = [];
        const inProcess: number[] = [];
        for (let s = 0; s < options.samples; s++) {
          const t0 = performance.now();
          await get(path);
          http.push(performance.now() - t0);
          const t1 = performance.now();
          core.usage.summary(query);
          inProcess.push(performance.now() - t1);
        }
        queries.push({
          group,
          window,
          rows: answer.rows.length,
          reports: answer.rows.reduce((n, r) => n + r.reports, 0),
          http: summarize(http),
          inProcess: summarize(inProcess),
          plan: planOf(core, group),
        });
        const last = queries.at(-1) as UsageQueryRow;
        console.log(
          `  group_by=${group} (${window}): ${last.rows} rows, p50 ${last.http.p50} ms / p95 ${last.http.p95} ms over HTTP`,
        );
      }
    }
    const task = core.tasks.list({ limit: 1 })[0]?.id as string;
    const post = async (path: string, body: unknown) => {
      const res = await conn.request(requestBytes('POST', path, server.port, TOKEN, JSON.stringify(body)));
      if (res.status !== 201) throw new Error(`POST ${path} answered ${res.status}: ${res.body}`);
    };
    const reportRoundTrip: number[] = [];
    const createRoundTrip: number[] = [];
    for (let s = 0; s < options.samples; s++) {
      const t0 = performance.now();
      await post(`/api/tasks/${task}/usage`, {
        model: 'model-1',
        input_tokens: 1200,
        output_tokens: 300,
        cost_usd: 0.0042,
      });
      reportRoundTrip.push(performance.now() - t0);
      const t1 = performance.now();
      await post('/api/tasks', { title: `bench ${s}` });
      createRoundTrip.push(performance.now() - t1);
    }
    conn.close();
    return {
      reports: options.reports,
      seedSeconds,
      queries,
      reportRoundTrip: summarize(reportRoundTrip),
      createRoundTrip: summarize(createRoundTrip),
    };
  } finally {
    await server.close();
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
