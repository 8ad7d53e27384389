// `comment`, `comments`, `review` and `attention` as real processes against a real server: results,
// --json, and exit codes (1 when the server refuses, 2 for usage).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../core/testing/harness.ts';
import type { Agent, AttentionItem, Comment, Task } from '../shared/entities.ts';
import { cli } from './test-bin.ts';

let srv: TestServer;
let dev: Agent;
let task: Task;
beforeEach(async () => {
  srv = await startTestServer();
  dev = srv.core.agents.create({ name: 'Developer' });
  task = srv.core.tasks.create({ title: 'Build it', status: 'review', assigned_agent_id: dev.id });
});
afterEach(() => srv.close());

const run = (args: string[], stdin?: string) => cli(srv.url, args, stdin);
async function json<T>(args: string[], stdin?: string): Promise<T> {
  const r = await run([...args, '--json'], stdin);
  expect(r, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(r.stdout) as T;
}

describe('mission-control comment and comments', () => {
  it('writes as the operator or as an agent, from words or stdin, and lists oldest first', async () => {
    const mine = await json<Comment>(['comment', task.id, 'Please', 'add', 'a', 'test']);
    expect(mine).toMatchObject({
      task_id: task.id,
      author: 'operator',
      agent_id: null,
      body: 'Please add a test',
    });
    const theirs = await json<Comment>(['comment', task.id, '-', '--agent', dev.id], 'Done.\nSee the diff.');
    expect(theirs).toMatchObject({ author: 'agent', agent_id: dev.id, body: 'Done.\nSee the diff.' });
    expect((await json<Comment[]>(['comments', task.id])).map((c) => c.id)).toEqual([mine.id, theirs.id]);
    const human = await run(['comments', task.id]);
    expect(human.stdout).toContain(`operator  (${mine.id})\n    Please add a test\n`);
    expect(human.stdout).toContain(`agent ${dev.id}  (${theirs.id})\n    Done.\n    See the diff.\n`);
  });

  it('exits 1 for an unknown task or agent and 2 without text', async () => {
    const unknown = await run(['comment', 'no-such-task', 'hello', '--json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stderr)).toMatchObject({ status: 404, error: { code: 'not_found' } });
    expect((await run(['comment', task.id, 'hi', '--agent', 'nobody'])).code).toBe(1);
    expect((await run(['comments', 'no-such-task'])).code).toBe(1);
    expect((await run(['comment', task.id])).code).toBe(2);
    expect((await run(['comment', task.id, '   '])).code).toBe(2);
    expect((await run(['comments'])).code).toBe(2);
  });
});

describe('mission-control review', () => {
  it('requests changes with a comment (back to the assignee), then approves (done)', async () => {
    const back = await json<Task>([
      'review',
      task.id,
      'changes',
      '--comment',
      'Add a test for the empty case.',
    ]);
    expect(back).toMatchObject({ id: task.id, status: 'assigned', assigned_agent_id: dev.id });
    const comments = await json<Comment[]>(['comments', task.id]);
    expect(comments).toEqual([
      expect.objectContaining({ author: 'operator', body: 'Add a test for the empty case.' }),
    ]);
    srv.core.tasks.update(task.id, { status: 'review' });
    const human = await run(['review', task.id, 'approve']);
    expect(human).toMatchObject({ code: 0, stderr: '' });
    expect(human.stdout).toBe(`Approved ${task.id}  [done] Build it  (assigned ${dev.id})\n`);
  });

  it('exits 1 with not_in_review (409) unless the task is in review, and 2 for a bad decision', async () => {
    srv.core.tasks.update(task.id, { status: 'in_progress' });
    const refused = await run(['review', task.id, 'approve', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr)).toMatchObject({ status: 409, error: { code: 'not_in_review' } });
    const human = await run(['review', task.id, 'approve']);
    expect(human.stderr).toMatch(/not in Review \(HTTP 409 not_in_review\)/);
    for (const args of [[task.id], [task.id, 'maybe'], [task.id, 'approve', 'now'], []]) {
      const r = await run(['review', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect(srv.core.tasks.get(task.id).status).toBe('in_progress');
  });
});

describe('mission-control attention', () => {
  it('lists what needs a person and dismisses an item by its key', async () => {
    const { items } = await json<{ items: AttentionItem[] }>(['attention']);
    expect(items).toEqual([
      expect.objectContaining({ key: `review:${task.id}`, kind: 'review', task_id: task.id }),
    ]);
    const table = await run(['attention']);
    expect(table.stdout).toMatch(
      /^KIND +SINCE +MESSAGE +KEY\nreview +\S+ +"Build it" waits for review +review:/,
    );
    expect(await json(['attention', '--dismiss', `review:${task.id}`])).toEqual({ key: `review:${task.id}` });
    expect(await json(['attention'])).toEqual({ items: [] });
    expect((await run(['attention'])).stdout).toBe('Nothing needs you.\n');
  });

  it('exits 1 for a key not on the list and 2 for arguments', async () => {
    const missing = await run(['attention', '--dismiss', 'review:nothing', '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr)).toMatchObject({ status: 404 });
    expect((await run(['attention', 'list'])).code).toBe(2);
  });
});
