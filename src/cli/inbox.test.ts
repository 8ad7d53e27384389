// `mission-control inbox` against a real server: the cursor, --after, --cursor-file, and --follow
// hearing a review decision and comments live, across a server restart, stopped by a signal.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../core/core.ts';
import { type RunningServer, startServer } from '../core/server.ts';
import { TEST_TOKEN, tempDir, testCore } from '../core/testing/harness.ts';
import type { Agent, Task } from '../shared/entities.ts';
import { Bin, cli } from './test-bin.ts';

let core: ReturnType<typeof testCore>;
let server: RunningServer;
let dev: Agent;
let other: Agent;
let task: Task;
let temp: ReturnType<typeof tempDir>;
const bins: Bin[] = [];

const listen = (c: Core, port = 0) =>
  startServer({ core: c, token: TEST_TOKEN, host: '127.0.0.1', port, sse: { retryMs: 100 } });
const latest = () => core.core.events.bounds().latest;
const bin = (args: string[]) => {
  const b = new Bin(server.url, args);
  bins.push(b);
  return b;
};
const say = (body: string, agent_id?: string, on = task) =>
  core.core.comments.create(on.id, { body, agent_id });
/** `#42 comment_added …` lines as [id, type]. */
const shown = (b: Bin) =>
  b.lines.map((line) => {
    const [, id, type] = /^#(\d+) (\S+)/.exec(line) ?? [];
    return [Number(id), type] as const;
  });

beforeEach(async () => {
  core = testCore();
  server = await listen(core.core);
  temp = tempDir();
  dev = core.core.agents.create({ name: 'Developer' });
  other = core.core.agents.create({ name: 'Other' });
  task = core.core.tasks.create({ title: 'Build it', status: 'review', assigned_agent_id: dev.id });
});
afterEach(async () => {
  for (const b of bins.splice(0)) b.child.kill('SIGKILL');
  await server.close();
  core.close();
  temp.cleanup();
});

describe('mission-control inbox', () => {
  it('without --after prints only the current cursor; with --after the agent’s events and the next cursor', async () => {
    const start = await cli(server.url, ['inbox', '--agent', dev.id, '--json']);
    expect(start).toMatchObject({ code: 0, stderr: '' });
    expect(start.stdout).toBe(`${JSON.stringify({ last_event_id: latest() })}\n`);
    const cursor = latest();
    const theirs = core.core.tasks.create({ title: 'Not mine', assigned_agent_id: other.id });
    const question = say('Why two files?');
    say('Because of the tests.', dev.id); // its own comment is not news to it
    say('Elsewhere', undefined, theirs);
    core.core.tasks.update(task.id, { status: 'in_progress' });

    const read = await cli(server.url, ['inbox', '--agent', dev.id, '--after', String(cursor), '--json']);
    expect(read.code).toBe(0);
    const lines = read.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type ?? 'cursor')).toEqual(['comment_added', 'task_updated', 'cursor']);
    expect(lines[0].payload).toMatchObject({ id: question.id, body: 'Why two files?' });
    expect(lines[2]).toEqual({ last_event_id: lines[1].id });

    const human = await cli(server.url, ['inbox', '--agent', dev.id, '--after', String(cursor)]);
    expect(human.stdout).toMatch(/^#\d+ comment_added +operator: Why two files\?\n/);
    expect(human.stdout).toMatch(/task_updated +Build it → in_progress\n2 event\(s\); next --after \d+\n$/);
  });

  it('keeps its cursor in --cursor-file between runs', async () => {
    const file = join(temp.dir, 'cursor');
    const args = ['inbox', '--agent', dev.id, '--cursor-file', file, '--json'];
    expect((await cli(server.url, args)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`${latest()}\n`);
    const first = say('one');
    const next = await cli(server.url, args);
    expect(
      next.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      expect.objectContaining({ type: 'comment_added', payload: expect.objectContaining({ id: first.id }) }),
      { last_event_id: latest() },
    ]);
    expect((await cli(server.url, args)).stdout).toBe(`${JSON.stringify({ last_event_id: latest() })}\n`);
  });

  it('exits 2 for usage, 1 for an unknown agent, 3 when nothing answers', async () => {
    const me = ['--agent', dev.id];
    for (const args of [
      [],
      [...me, '--wait', '61'],
      [...me, '--after', 'x'],
      [...me, 'extra'],
      [...me, '--follow', '--wait', '0'],
    ]) {
      const run = await cli(server.url, ['inbox', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
    }
    const unknown = await cli(server.url, ['inbox', '--agent', 'nobody', '--json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stderr)).toMatchObject({ status: 404, error: { code: 'not_found' } });
    const port = server.port;
    await server.close();
    expect((await cli(`http://127.0.0.1:${port}`, ['inbox', '--agent', dev.id, '--follow'])).code).toBe(3);
    server = await listen(core.core, port);
  });

  it('--follow prints a review decision and comments live, each once, and stops on Ctrl-C with the cursor', async () => {
    const follow = bin(['inbox', '--agent', dev.id, '--follow', '--wait', '1']);
    await follow.until((b) => b.stderr.includes('following the inbox'));
    const review = await fetch(`${server.url}/api/tasks/${task.id}/review`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'request_changes', comment: 'Add a test for the empty case.' }),
    });
    expect(review.status).toBe(200);
    await follow.until((b) => b.lines.some((l) => l.includes('review_decided')));
    expect(follow.lines.at(-1)).toMatch(/review_decided +request_changes → Build it \(assigned\)/);
    // A few long-polls time out meanwhile: nothing is printed twice.
    await new Promise((r) => setTimeout(r, 2500));
    say('On it.', dev.id);
    const reply = await cli(server.url, ['comment', task.id, 'Also', 'the', 'docs']);
    expect(reply.code).toBe(0);
    await follow.until((b) => b.lines.some((l) => l.includes('operator: Also the docs')));
    expect(shown(follow).map(([, type]) => type)).toEqual([
      'task_updated',
      'comment_added',
      'review_decided',
      'comment_added',
    ]);
    const ids = shown(follow).map(([id]) => id);
    expect(new Set(ids).size).toBe(4);
    follow.child.kill('SIGINT');
    expect(await follow.exited).toBe(130);
    expect(follow.stderr).toContain(`stopped; resume with --after ${ids.at(-1)}`);
  });

  it('--follow resumes across a server restart, missing nothing, and keeps --cursor-file', async () => {
    const file = join(temp.dir, 'cursor');
    const cursor = latest();
    const args = ['inbox', '--agent', dev.id, '--follow', '--after', String(cursor), '--json'];
    const follow = bin([...args, '--cursor-file', file]);
    const before = say('before the restart');
    await follow.until((b) => b.lines.length === 1);
    const port = server.port;
    await server.close();
    const down = [say('while down 1'), say('while down 2')];
    server = await listen(core.core, port);
    await follow.until((b) => b.lines.length === 3, 15_000);
    expect(follow.json.map((e) => (e.payload as { id: string }).id)).toEqual([
      before.id,
      ...down.map((c) => c.id),
    ]);
    follow.child.kill('SIGTERM');
    expect(await follow.exited).toBe(143);
    expect(existsSync(file) && readFileSync(file, 'utf8')).toBe(`${follow.json.at(-1)?.id}\n`);
    const again = await cli(server.url, ['inbox', '--agent', dev.id, '--cursor-file', file, '--json']);
    expect(again.stdout).toBe(`${JSON.stringify({ last_event_id: follow.json.at(-1)?.id })}\n`);
  });
});
