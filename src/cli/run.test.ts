// `mission-control run` and `work claim` as real processes, with real child commands, against a real server.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, TEST_TOKEN, type TestServer } from '../core/testing/harness.ts';
import type { Agent, Task } from '../shared/entities.ts';

const BIN = fileURLToPath(new URL('../../bin/mission-control.mjs', import.meta.url));
const NODE = process.execPath;

/** A `mission-control` process whose output is collected as it comes. */
class Bin {
  stdout = '';
  stderr = '';
  readonly child: ChildProcess;
  readonly exited: Promise<number>;
  constructor(args: string[], env: Record<string, string> = {}) {
    this.child = spawn(NODE, [BIN, ...args], {
      env: {
        PATH: process.env.PATH,
        MISSION_CONTROL_URL: srv.url,
        MISSION_CONTROL_TOKEN: TEST_TOKEN,
        ...env,
      },
    });
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString();
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code ?? -1)));
  }
  async until(predicate: (bin: Bin) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (Date.now() > deadline) throw new Error(`timed out; stdout ${this.stdout}\nstderr ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

let srv: TestServer;
let agent: Agent;
const bins: Bin[] = [];
beforeEach(async () => {
  srv = await startTestServer();
  agent = srv.core.agents.create({ name: 'Worker' });
});
afterEach(async () => {
  for (const bin of bins.splice(0)) bin.child.kill('SIGKILL');
  await srv.close();
});

const bin = (args: string[], env?: Record<string, string>) => {
  const b = new Bin(args, env);
  bins.push(b);
  return b;
};
const run = (args: string[], script: string, env?: Record<string, string>, argv: string[] = []) =>
  bin(['run', '--agent', agent.id, ...args, '--', NODE, '-e', script, '--', ...argv], env);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const sessionsOf = (task: Task) => srv.core.sessions.list({ task_id: task.id });
const activitiesOf = (task: Task) => srv.core.activities.list(task.id);
/** A command that says it started (with its pid) and then runs until stopped. */
const FOREVER = 'console.log("started " + process.pid); setInterval(() => {}, 1000)';
const pidOf = (b: Bin) => Number(/started (\d+)/.exec(b.stdout)?.[1]);

describe('mission-control run', () => {
  it('runs the command with the task (env, file, stdin), then moves it to review and completes the session', async () => {
    const task = srv.core.tasks.create({ title: 'Write the report', description: 'Three pages' });
    const script = `const fs = require('node:fs'); const e = process.env;
      const stdin = JSON.parse(fs.readFileSync(0, 'utf8'));
      const file = JSON.parse(fs.readFileSync(e.MC_TASK_FILE, 'utf8'));
      console.log(JSON.stringify({ id: e.MC_TASK_ID, title: e.MC_TASK_TITLE, path: e.MC_TASK_FILE, stdin, file,
        agent: e.MC_AGENT_ID, session: e.MC_SESSION_ID, url: e.MISSION_CONTROL_URL, token: e.MISSION_CONTROL_TOKEN,
        argv: process.argv.slice(1) }));`;
    // Flags after `--` are the command's: this --json is not run's (its progress stays human).
    const b = run(['--once', '--wait', '0'], script, {}, ['--json', '-h']);
    expect(await b.exited, b.stderr).toBe(0);
    const seen = JSON.parse(b.stdout);
    expect(seen).toMatchObject({ id: task.id, title: 'Write the report', agent: agent.id, url: srv.url });
    expect(seen.token).toBe(TEST_TOKEN);
    expect(seen.argv).toEqual(['--json', '-h']);
    expect(seen.stdin).toMatchObject({ id: task.id, description: 'Three pages', status: 'in_progress' });
    expect(seen.file).toEqual(seen.stdin);
    expect(existsSync(seen.path)).toBe(false);
    expect(srv.core.tasks.get(task.id)).toMatchObject({
      status: 'review',
      assigned_agent_id: agent.id,
      lease: null,
    });
    const [session] = sessionsOf(task);
    expect(session).toMatchObject({ id: seen.session, status: 'completed', agent_id: agent.id });
    expect(session?.heartbeat_ttl_s).toBeGreaterThanOrEqual(30);
    expect(b.stderr).toMatch(
      new RegExp(`claimed ${task.id} "Write the report"[\\s\\S]*${task.id} done in .* → review`),
    );
  });

  it('logs a failure, hands the task back and fails the session when the command exits non-zero', async () => {
    const task = srv.core.tasks.create({ title: 'Flaky job' });
    const b = run(['--once', '--wait', '0', '--then', 'done'], 'process.exit(3)');
    expect(await b.exited).toBe(1);
    expect(srv.core.tasks.get(task.id)).toMatchObject({
      status: 'inbox',
      assigned_agent_id: null,
      lease: null,
    });
    expect(sessionsOf(task)).toEqual([expect.objectContaining({ status: 'failed' })]);
    const failure = activitiesOf(task).find((a) => a.metadata?.reason === 'failed');
    expect(failure).toMatchObject({ agent_id: agent.id, metadata: { exit_code: 3 } });
    expect(failure?.message).toMatch(/failed \(exit 3\)/);
    expect(b.stderr).toMatch(/failed \(exit 3\) after .*; handed back/);
  });

  it('works through tasks one after another, waiting for new ones, until Ctrl-C', async () => {
    const first = srv.core.tasks.create({ title: 'First' });
    const b = run([], 'console.log("did " + process.env.MC_TASK_TITLE)');
    await b.until(() => srv.core.tasks.get(first.id).status === 'review');
    // Nothing left: the claim waits; a new task is taken within a second.
    const res = await srv.api('/api/tasks', { method: 'POST', json: { title: 'Second' } });
    const second = (await res.json()) as Task;
    await b.until(() => srv.core.tasks.get(second.id).status === 'review', 3000);
    expect(b.stdout).toBe('did First\ndid Second\n');
    b.child.kill('SIGINT');
    expect(await b.exited).toBe(130);
  });

  it('on Ctrl-C stops the command, hands the task back and fails the session', async () => {
    const b = run([], FOREVER);
    await b.until((x) => x.stderr.includes('waiting for tasks'));
    const task = srv.core.tasks.create({ title: 'Long job' });
    await b.until((x) => x.stdout.includes('started'));
    const pid = pidOf(b);
    expect(srv.core.tasks.get(task.id).status).toBe('in_progress');
    b.child.kill('SIGINT');
    expect(await b.exited).toBe(130);
    expect(alive(pid)).toBe(false);
    expect(srv.core.tasks.get(task.id)).toMatchObject({ status: 'inbox', lease: null, claim_count: 1 });
    expect(sessionsOf(task)).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect(activitiesOf(task).some((a) => /stopped by SIGINT/.test(a.message))).toBe(true);
  });

  it('on Ctrl-C while waiting for work exits at once and claims nothing', async () => {
    const b = run([], FOREVER);
    await b.until((x) => x.stderr.includes('waiting for tasks'));
    const started = Date.now();
    b.child.kill('SIGINT');
    expect(await b.exited).toBe(130);
    expect(Date.now() - started).toBeLessThan(2000);
    const task = srv.core.tasks.create({ title: 'After the worker left' });
    await new Promise((r) => setTimeout(r, 100));
    expect(srv.core.tasks.get(task.id)).toMatchObject({ status: 'inbox', claim_count: 0 });
  });

  it('stops the command within one renewal period when the card is moved away', async () => {
    const task = srv.core.tasks.create({ title: 'Taken away' });
    const b = run(['--once', '--wait', '0', '--lease', '10'], FOREVER, { MC_RUN_BEAT_MS: '300' });
    await b.until((x) => x.stdout.includes('started'));
    const pid = pidOf(b);
    // It beats: the session's heartbeat and the lease's expiry move on while the command runs.
    const claimedUntil = srv.core.tasks.get(task.id).lease?.expires_at ?? '';
    await b.until(() => sessionsOf(task)[0]?.last_heartbeat_at != null, 3000);
    await b.until(() => (srv.core.tasks.get(task.id).lease?.expires_at ?? '') > claimedUntil, 3000);
    const moved = Date.now();
    const res = await srv.api(`/api/tasks/${task.id}`, { method: 'PATCH', json: { status: 'inbox' } });
    expect(res.status).toBe(200);
    expect(await b.exited).toBe(1);
    expect(Date.now() - moved).toBeLessThan(300 + 1500);
    expect(alive(pid)).toBe(false);
    expect(srv.core.tasks.get(task.id)).toMatchObject({ status: 'inbox', lease: null });
    expect(sessionsOf(task)).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect(activitiesOf(task).some((a) => a.metadata?.reason === 'lease_lost')).toBe(true);
    expect(b.stderr).toMatch(/lease lost on/);
  });

  it('stops the command within one renewal period when the task’s cost reaches its budget', async () => {
    const task = srv.core.tasks.create({ title: 'Capped', budget_usd: 0.5 });
    const b = run(['--once', '--wait', '0', '--lease', '10'], FOREVER, { MC_RUN_BEAT_MS: '300' });
    await b.until((x) => x.stdout.includes('started'));
    const pid = pidOf(b);
    const reached = Date.now();
    srv.core.usage.report(
      { task_id: task.id },
      { model: 'm', input_tokens: 1, output_tokens: 1, cost_usd: 0.5 },
    );
    expect(await b.exited).toBe(1);
    expect(Date.now() - reached).toBeLessThan(300 + 1500);
    expect(alive(pid)).toBe(false);
    expect(sessionsOf(task)).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect(b.stderr).toMatch(/over its budget/);
  });

  it('on SIGTERM kills a command that ignores SIGTERM after the grace period', async () => {
    const task = srv.core.tasks.create({ title: 'Stubborn' });
    const stubborn = `process.on('SIGTERM', () => {}); ${FOREVER}`;
    const b = run(['--once', '--wait', '0'], stubborn, { MC_RUN_GRACE_MS: '500' });
    await b.until((x) => x.stdout.includes('started'));
    const pid = pidOf(b);
    const stopped = Date.now();
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(143);
    expect(Date.now() - stopped).toBeGreaterThanOrEqual(500);
    expect(alive(pid)).toBe(false);
    expect(srv.core.tasks.get(task.id)).toMatchObject({ status: 'inbox', lease: null });
  });

  it('hands the task back and exits 1 when the command cannot be started', async () => {
    const task = srv.core.tasks.create({ title: 'No such tool' });
    const b = bin(['run', '--agent', agent.id, '--once', '--wait', '0', '--', '/nonexistent/agent-cli']);
    expect(await b.exited).toBe(1);
    expect(b.stderr).toMatch(/cannot start \/nonexistent\/agent-cli: .*ENOENT/);
    expect(srv.core.tasks.get(task.id)).toMatchObject({ status: 'inbox', lease: null });
    expect(sessionsOf(task)).toEqual([expect.objectContaining({ status: 'failed' })]);
  });

  it('exits 4 with --once when nothing is claimable, 2 on usage errors, 1 for an unknown agent', async () => {
    expect(await run(['--once', '--wait', '0'], FOREVER).exited).toBe(4);
    expect(await bin(['run', '--agent', agent.id]).exited).toBe(2);
    expect(await run(['--then', 'inbox'], FOREVER).exited).toBe(2);
    expect(await run(['--lease', '5'], FOREVER).exited).toBe(2);
    const unknown = bin(['run', '--agent', 'nobody', '--', 'true']);
    expect(await unknown.exited).toBe(1);
    expect(unknown.stderr).toMatch(/HTTP 404/);
    const help = bin(['run', '--help']);
    expect(await help.exited).toBe(0);
    expect(help.stdout).toMatch(/MC_TASK_FILE[\s\S]*Exit codes:[\s\S]*130/);
  });
});

describe('mission-control work claim', () => {
  it('prints the claimed task, or exits 4 when nothing is claimable', async () => {
    const empty = bin(['work', 'claim', '--agent', agent.id]);
    expect(await empty.exited).toBe(4);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/Nothing to claim/);

    const task = srv.core.tasks.create({ title: 'Claim me', priority: 'high' });
    const human = bin(['work', 'claim', '--agent', agent.id, '--lease', '60']);
    expect(await human.exited).toBe(0);
    expect(human.stdout).toMatch(
      new RegExp(`^Claimed ${task.id} {2}\\[in_progress\\] Claim me\\n {2}lease {2}60 s`),
    );

    // --wait: a task that comes while the claim waits is taken.
    const waiting = bin(['work', 'claim', '--agent', agent.id, '--wait', '10', '--json']);
    await new Promise((r) => setTimeout(r, 300));
    const later = srv.core.tasks.create({ title: 'Came later' });
    expect(await waiting.exited).toBe(0);
    const claim = JSON.parse(waiting.stdout);
    expect(claim).toMatchObject({
      task: { id: later.id, status: 'in_progress' },
      lease: { agent_id: agent.id },
    });
    expect(await bin(['work', 'claim', '--agent', agent.id, '--wait', '61']).exited).toBe(2);
  });
});
