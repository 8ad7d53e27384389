// Store scale: domain insert and query latency as the database grows (10k → 100k tasks, then
// 1M activities), in process, against a raw prepared INSERT/SELECT on the same file as the floor.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../src/core/core.ts';
import { round, type Summary, summarize } from '../lib/stats.ts';

export interface StoreLevel {
  label: string;
  tasks: number;
  activities: number;
  seedSeconds: number;
  /** Operation name → latency summary in ms. */
  ops: Record<string, Summary>;
  /** Domain insert p50 ÷ a raw prepared INSERT in its own transaction. */
  insertRatio: number;
}

export interface StoreOptions {
  levels: ReadonlyArray<{ tasks: number; activities: number }>;
  samples: number;
}

type Core = ReturnType<typeof createCore>;
const STATUSES = ['inbox', 'assigned', 'in_progress', 'testing', 'review', 'done'] as const;

function time(samples: number, fn: (i: number) => void): Summary {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    fn(i);
    out.push(performance.now() - start);
  }
  return summarize(out);
}

/** Adds rows straight through SQL in one transaction: seeding is not what we measure. */
function seed(core: Core, ids: string[], tasks: number, activities: number): void {
  const insertTask = core.db.prepare(`INSERT INTO tasks (id, title, description, status, priority, version,
    created_at, updated_at) VALUES (?, ?, ?, ?, 'normal', 1, ?, ?)`);
  const insertActivity = core.db.prepare(`INSERT INTO task_activities (id, task_id, activity_type, message,
    created_at) VALUES (?, ?, 'updated', ?, ?)`);
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  // A big page cache while seeding keeps the random-key index inserts in memory (32 s → a few s for 1M).
  const cacheSize = core.db.pragma('cache_size', { simple: true });
  core.db.pragma('cache_size = -1000000');
  core.db.transaction(() => {
    for (let i = ids.length; i < tasks; i++) {
      const id = randomUUID();
      const at = new Date(base + i * 1000).toISOString();
      insertTask.run(id, `Seeded task ${i}`, 'A task the bench generated.', STATUSES[i % 6], at, at);
      ids.push(id);
    }
    for (let i = 0; i < activities; i++) {
      const at = new Date(base + i * 100).toISOString();
      insertActivity.run(randomUUID(), ids[i % ids.length], `Seeded activity ${i}`, at);
    }
  })();
  core.db.pragma(`cache_size = ${cacheSize}`);
}

export function storeScale(options: StoreOptions): StoreLevel[] {
  const dir = mkdtempSync(join(tmpdir(), 'mc-bench-store-'));
  const core = createCore({ dataDir: dir });
  const levels: StoreLevel[] = [];
  try {
    core.db.exec('CREATE TABLE bench_raw (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
    const rawInsert = core.db.prepare('INSERT INTO bench_raw (id, body) VALUES (?, ?)');
    const rawTx = core.db.transaction((id: string) => rawInsert.run(id, 'x'.repeat(300)));
    const ids: string[] = [];
    let activities = 0;
    const n = options.samples;
    for (const level of options.levels) {
      const started = performance.now();
      seed(core, ids, level.tasks, level.activities - activities);
      activities = level.activities;
      const seedSeconds = round((performance.now() - started) / 1000, 1);
      const pick = (i: number) => ids[(i * 7919) % ids.length] as string;
      const ops: Record<string, Summary> = {
        'raw INSERT (floor)': time(n, () => rawTx.immediate(randomUUID())),
        'create task': time(n, (i) => core.tasks.create({ title: `measured ${i}` })),
        'log activity': time(n, (i) =>
          core.activities.create(pick(i), { activity_type: 'updated', message: `m${i}` }),
        ),
        'patch task': time(n, (i) => core.tasks.update(pick(i), { priority: i % 2 ? 'high' : 'low' })),
        'get task by id': time(n * 4, (i) => core.tasks.get(pick(i))),
        'list tasks by status (50)': time(n, (i) => core.tasks.list({ status: STATUSES[i % 6], limit: 50 })),
        'list activities of a task (50)': time(n, (i) =>
          core.activities.list(pick(i), { order: 'desc', limit: 50 }),
        ),
        'snapshot (whole board)': time(Math.max(3, Math.round(200_000 / level.tasks)), () => core.snapshot()),
      };
      const raw = ops['raw INSERT (floor)'] as Summary;
      const create = ops['create task'] as Summary;
      const label = `${(level.tasks / 1000).toFixed(0)}k tasks, ${(level.activities / 1000).toFixed(0)}k activities`;
      levels.push({
        label,
        tasks: level.tasks,
        activities: level.activities,
        seedSeconds,
        ops,
        insertRatio: round(create.p50 / raw.p50),
      });
      console.log(`  ${label}: create p50 ${create.p50} ms (raw ${raw.p50} ms), seeded in ${seedSeconds} s`);
    }
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return levels;
}
