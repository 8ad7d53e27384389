// Runs the real `mission-control` bin against a server on port 0: flows, --json, exit codes, token, backup.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SseReader, startTestServer, TEST_TOKEN, type TestServer, tempDir } from '../core/testing/harness.ts';
import type { Activity, Agent, Deliverable, Session, Task } from '../shared/entities.ts';

const BIN = fileURLToPath(new URL('../../bin/mission-control.mjs', import.meta.url));

let srv: TestServer;
beforeEach(async () => {
  srv = await startTestServer();
});
afterEach(() => srv.close());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The bin in a child process (async: the server answers from this process meanwhile). */
function cli(
  args: string[],
  env: Record<string, string | undefined> = {},
  node = process.execPath,
): Promise<Run> {
  return new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      MISSION_CONTROL_URL: srv.url,
      MISSION_CONTROL_TOKEN: TEST_TOKEN,
      ...env,
    };
    for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
    execFile(node, [BIN, ...args], { env: childEnv, timeout: 15_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function json<T>(args: string[]): Promise<T> {
  const run = await cli([...args, '--json']);
  expect(run.stderr, args.join(' ')).toBe('');
  expect(run.code, args.join(' ')).toBe(0);
  return JSON.parse(run.stdout) as T;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('mission-control CLI', () => {
  it("runs the seed's orchestration flow with --json, and the board sees every step live", async () => {
    const reader = await SseReader.open(`${srv.url}/api/events/stream`);
    const orchestrator = await json<Agent>(['agent', 'create', 'Orchestrator', '--master']);
    const developer = await json<Agent>(['agent', 'create', 'Developer', '--role', 'developer']);
    const task = await json<Task>(['task', 'create', 'Build feature X', '--status', 'inbox']);
    expect(task).toMatchObject({ title: 'Build feature X', status: 'inbox', version: 1 });
    await json<Activity>([
      'activity',
      'log',
      task.id,
      'Triaged and assigned to Developer',
      '--agent',
      orchestrator.id,
    ]);
    await json<Task>(['task', 'move', task.id, 'assigned', '--assign', developer.id]);
    const session = await json<Session>([
      'subagent',
      'start',
      task.id,
      'cli-sub-1',
      '--name',
      'Developer Sub-Agent',
    ]);
    const deliverable = await json<Deliverable>([
      'deliverable',
      'add',
      task.id,
      'Implementation',
      '--path',
      '~/code/feature-x.ts',
      '--description',
      'Complete implementation',
    ]);
    expect(deliverable).toMatchObject({ deliverable_type: 'file', path: '~/code/feature-x.ts' });
    await json<Activity>(['activity', 'log', task.id, 'Completed in 30 seconds', '--type', 'completed']);
    expect(await json<Session>(['subagent', 'end', session.id])).toMatchObject({ status: 'completed' });
    const done = await json<Task>(['task', 'move', task.id, 'review']);
    expect(done).toMatchObject({ status: 'review', assigned_agent_id: developer.id });

    await reader.until((r) =>
      r.events.some((e) => e.type === 'task_updated' && e.payload.status === 'review'),
    );
    reader.close();
    expect(new Set(reader.events.map((e) => e.type))).toEqual(
      new Set([
        'agent_created',
        'task_created',
        'activity_logged',
        'task_updated',
        'agent_spawned',
        'deliverable_added',
        'agent_completed',
        // The orchestrator's activity names it as the actor: it is seen, its presence turns online.
        'agent_updated',
      ]),
    );
    const shown = await json<{
      task: Task;
      activities: Activity[];
      deliverables: Deliverable[];
      sessions: Session[];
    }>(['task', 'show', task.id]);
    expect(shown.activities.map((a) => a.activity_type)).toEqual(
      srv.core.activities.list(task.id).map((a) => a.activity_type),
    );
    expect(shown.deliverables).toHaveLength(1);
    expect(shown.sessions).toEqual([expect.objectContaining({ id: session.id, status: 'completed' })]);
    expect(await json<Session[]>(['sessions', '--type', 'subagent', '--status', 'completed'])).toHaveLength(
      1,
    );
  });

  it('prints human output by default and filters task lists', async () => {
    await cli(['task', 'create', 'Write docs', '--priority', 'high']);
    await cli(['task', 'create', 'Ship it', '--status', 'review']);
    const list = await cli(['task', 'list', '--status', 'review']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^ID\s+STATUS\s+PRIORITY\s+TITLE\n/);
    expect(list.stdout).toContain('Ship it');
    expect(list.stdout).not.toContain('Write docs');
    const task = srv.core.tasks.list({ q: 'Write docs' })[0] as Task;
    const show = await cli(['task', 'show', task.id]);
    expect(show.stdout).toContain('Write docs');
    expect(show.stdout).toMatch(/Activity \(0\)[\s\S]*Deliverables \(0\)[\s\S]*Sessions \(0\)/);
    const deleted = await cli(['task', 'delete', task.id]);
    expect(deleted).toMatchObject({ code: 0, stdout: `Deleted task ${task.id}\n` });
    expect(srv.core.tasks.list()).toHaveLength(1);
  });

  it('exits 1 on API errors, with the error body on stderr under --json', async () => {
    const missing = await cli(['task', 'show', 'no-such-task', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(JSON.parse(missing.stderr)).toMatchObject({ status: 404, error: { code: 'not_found' } });

    const task = srv.core.tasks.create({ title: 'Versioned' });
    const stale = await cli(['task', 'move', task.id, 'done', '--if-version', '9']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/HTTP 409 conflict/);
    expect(srv.core.tasks.get(task.id).status).toBe('inbox');

    expect((await cli(['task', 'list'], { MISSION_CONTROL_TOKEN: 'wrong' })).code).toBe(1);
    const noToken = await cli(['task', 'list'], {
      MISSION_CONTROL_TOKEN: undefined,
      MISSION_CONTROL_DATA_DIR: srv.dataDir,
    });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toMatch(/401.*|no token/);
  });

  it('exits 2 on usage errors and sends nothing', async () => {
    const runs = await Promise.all([
      cli(['task', 'frobnicate']),
      cli(['task', 'list', '--no-such-flag']),
      cli(['task', 'create']),
      cli(['task', 'create', 'x', '--status', 'bogus']),
      cli(['deliverable', 'add', 'some-task', 'Link', '--type', 'url', '--path', 'javascript:alert(1)']),
      cli(['activity', 'log', 'some-task', 'hi', '--metadata', '[1]']),
      cli(['task', 'list', '--url', 'ftp://example.com']),
      cli([]),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(2);
    expect(runs[3]?.stderr).toMatch(/status/);
    expect(srv.core.tasks.list()).toHaveLength(0);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:[\s\S]*3 {2}cannot connect/);
  });

  it('exits 3 when no server answers', async () => {
    const port = await freePort();
    const run = await cli(['task', 'list', '--json'], { MISSION_CONTROL_URL: `http://127.0.0.1:${port}` });
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stderr)).toMatchObject({ error: { code: 'connection_failed' } });
    expect((await cli(['events'], { MISSION_CONTROL_URL: `http://127.0.0.1:${port}` })).code).toBe(3);
  });

  it('prints the token of a data dir and uses it when no token is given', async () => {
    const missing = await cli(['token', '--data-dir', srv.dataDir]);
    expect(missing.code).toBe(1);
    writeFileSync(join(srv.dataDir, 'token'), `${TEST_TOKEN}\n`, { mode: 0o600 });
    expect(await cli(['token', '--data-dir', srv.dataDir])).toMatchObject({
      code: 0,
      stdout: `${TEST_TOKEN}\n`,
    });
    const viaFile = await cli(['task', 'list', '--json', '--data-dir', srv.dataDir], {
      MISSION_CONTROL_TOKEN: undefined,
    });
    expect(viaFile).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  // The machine's default node may be older than 24: the wrapper then runs the project's Node 24.
  const systemNode = ['/usr/local/bin/node', '/usr/bin/node'].find((p) => existsSync(p));
  const systemMajor = systemNode
    ? Number(execFileSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }))
    : 0;
  it.skipIf(!systemNode || systemMajor >= 24)(
    'runs under an older system node through the project node',
    async () => {
      const run = await cli(['task', 'create', 'From an old node', '--json'], {}, systemNode);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ title: 'From an old node' });
      expect((await cli(['task', 'show', 'nope'], {}, systemNode)).code).toBe(1);
    },
  );

  it('backs up the database online while the server keeps writing', async () => {
    for (let i = 0; i < 50; i++) srv.core.tasks.create({ title: `before ${i}` });
    const out = tempDir();
    const file = join(out.dir, 'backup.db');
    try {
      let writing = true;
      const writer = (async () => {
        let n = 0;
        while (writing && n < 500) {
          await srv.api('/api/tasks', { method: 'POST', json: { title: `during ${n++}` } });
        }
        return n;
      })();
      const run = await cli(['backup', file, '--json', '--data-dir', srv.dataDir]);
      writing = false;
      const written = await writer;
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as { tasks: number; last_event_id: number };
      const copy = new Database(file, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const tasks = (copy.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n;
      const events = (
        copy.prepare("SELECT count(*) AS n FROM events WHERE type = 'task_created'").get() as { n: number }
      ).n;
      copy.close();
      // One consistent snapshot: every task in the copy has its event, and nothing after it.
      expect(tasks).toBeGreaterThanOrEqual(50);
      expect(tasks).toBeLessThanOrEqual(50 + written);
      expect(events).toBe(tasks);
      expect(report.tasks).toBe(tasks);
      expect((await cli(['backup', file, '--data-dir', srv.dataDir])).code).toBe(1);
      expect((await cli(['backup', file, '--force', '--data-dir', srv.dataDir])).code).toBe(0);
      expect(existsSync(join(out.dir, `.backup.db.partial-${process.pid}`))).toBe(false);
    } finally {
      out.cleanup();
    }
  });
});
