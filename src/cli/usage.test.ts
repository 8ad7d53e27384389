// `mission-control usage` as a real process against a real server: report to a task and to a session,
// the summary table and --json, and exit codes (1 for the server's refusals, 2 for usage).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../core/testing/harness.ts';
import type { UsageRecord, UsageSummary } from '../shared/usage.ts';
import { cli } from './test-bin.ts';

let srv: TestServer;
let taskId: string;
beforeEach(async () => {
  srv = await startTestServer();
  taskId = srv.core.tasks.create({ title: 'Count the tokens' }).id;
});
afterEach(() => srv.close());

const run = (args: string[]) => cli(srv.url, args);

it('reports to a task and a session, and sums them by model and day', async () => {
  const human = await run([
    'usage',
    'report',
    '--task',
    taskId,
    '--model',
    'sonnet',
    '--input',
    '1200',
    '--output',
    '300',
    '--cost',
    '0.1',
  ]);
  expect(human).toMatchObject({ code: 0, stderr: '' });
  expect(human.stdout).toContain('sonnet  1200 in / 300 out  $0.10');
  srv.core.sessions.registerSubagent(taskId, { openclaw_session_id: 'oc-7' });
  const json = await run([
    'usage',
    'report',
    '--session',
    'oc-7',
    '--model',
    'haiku',
    '--input',
    '5',
    '--output',
    '1',
    '--cache-read',
    '40',
    '--json',
  ]);
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout) as UsageRecord).toMatchObject({
    task_id: taskId,
    cache_read_tokens: 40,
    cost_usd: null,
  });
  expect(srv.core.tasks.get(taskId).usage).toEqual({ input_tokens: 1205, output_tokens: 301, cost_usd: 0.1 });

  const table = await run(['usage', 'summary', '--by', 'model']);
  expect(table.code).toBe(0);
  expect(table.stdout.trimEnd().split('\n')).toEqual([
    expect.stringMatching(/^MODEL\s+REPORTS\s+INPUT\s+OUTPUT\s+COST$/),
    expect.stringMatching(/^sonnet\s+1\s+1200\s+300\s+\$0\.10$/),
    expect.stringMatching(/^haiku\s+1\s+5\s+1\s+—$/),
  ]);
  const days = JSON.parse((await run(['usage', 'summary', '--json'])).stdout) as UsageSummary;
  expect(days.rows).toMatchObject([
    { key: new Date().toISOString().slice(0, 10), reports: 2, cost_usd: 0.1 },
  ]);
  expect((await run(['usage', 'summary', '--to', '2000-01-01'])).stdout).toContain('No usage in this window');
});

it('exits 1 when the server refuses and 2 for bad arguments', async () => {
  const missing = await run([
    'usage',
    'report',
    '--task',
    'nope',
    '--model',
    'm',
    '--input',
    '1',
    '--output',
    '1',
    '--json',
  ]);
  expect(missing.code).toBe(1);
  expect(JSON.parse(missing.stderr)).toMatchObject({ status: 404, error: { code: 'not_found' } });
  const ghost = await run([
    'usage',
    'report',
    '--task',
    taskId,
    '--model',
    'm',
    '--input',
    '1',
    '--output',
    '1',
    '--agent',
    'ghost',
  ]);
  expect(ghost.code).toBe(1);
  for (const args of [
    ['usage', 'report', '--model', 'm', '--input', '1', '--output', '1'],
    ['usage', 'report', '--task', taskId, '--input', '1', '--output', '1'],
    ['usage', 'report', '--task', taskId, '--model', 'm', '--input', '-1', '--output', '1'],
    ['usage', 'report', '--task', taskId, '--model', 'm', '--input', '1', '--output', '1', '--cost', 'free'],
    ['usage', 'summary', '--by', 'week'],
    ['usage', 'summary', '--from', 'yesterday'],
  ])
    expect([args.join(' '), (await run(args)).code]).toEqual([args.join(' '), 2]);
  expect(srv.core.usage.summary({ group_by: 'task' }).rows).toEqual([]);
});
