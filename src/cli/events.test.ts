// `mission-control events`: tails the stream as JSON lines, resumes from an id, and across a restart.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core/core.ts';
import { type RunningServer, startServer } from '../core/server.ts';
import { TEST_TOKEN, testCore } from '../core/testing/harness.ts';
import type { StreamEvent } from '../shared/events.ts';

const BIN = fileURLToPath(new URL('../../bin/mission-control.mjs', import.meta.url));

/** A running `events` child whose stdout lines are collected as they come. */
class Tail {
  readonly lines: string[] = [];
  readonly child: ChildProcess;
  readonly exited: Promise<number>;
  constructor(url: string, args: string[]) {
    this.child = spawn(process.execPath, [BIN, 'events', '--json', ...args], {
      env: { PATH: process.env.PATH, MISSION_CONTROL_URL: url, MISSION_CONTROL_TOKEN: TEST_TOKEN },
    });
    let buffer = '';
    this.child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      this.lines.push(...parts.filter(Boolean));
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code ?? -1)));
  }
  get events(): StreamEvent[] {
    return this.lines.map((line) => JSON.parse(line) as StreamEvent);
  }
  async until(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.lines.length < count) {
      if (Date.now() > deadline) throw new Error(`only ${this.lines.length} of ${count} events`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

let core: ReturnType<typeof testCore> | undefined;
let server: RunningServer | undefined;
const tails: Tail[] = [];

afterEach(async () => {
  for (const tail of tails.splice(0)) tail.child.kill();
  await server?.close();
  core?.close();
  server = undefined;
  core = undefined;
});

async function listen(c: Core, port = 0): Promise<RunningServer> {
  return startServer({ core: c, token: TEST_TOKEN, host: '127.0.0.1', port, sse: { retryMs: 100 } });
}

const tail = (url: string, args: string[]) => {
  const t = new Tail(url, args);
  tails.push(t);
  return t;
};

/** Waits until the stream has a subscriber, so live events are not written before the tail listens. */
async function connected(s: RunningServer): Promise<void> {
  for (let i = 0; i < 500 && s.hub.size === 0; i++) await new Promise((r) => setTimeout(r, 10));
  expect(s.hub.size).toBeGreaterThan(0);
}

describe('mission-control events', () => {
  it('prints live events as JSON lines with their ids and stops after --count', async () => {
    core = testCore();
    server = await listen(core.core);
    const t = tail(server.url, ['--count', '3']);
    await connected(server);
    for (const title of ['a', 'b', 'c', 'd']) core.core.tasks.create({ title });
    expect(await t.exited).toBe(0);
    const events = t.events;
    expect(events.map((e) => e.type)).toEqual(['task_created', 'task_created', 'task_created']);
    expect(events.map((e) => (e.type === 'task_created' ? e.payload.title : ''))).toEqual(['a', 'b', 'c']);
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((x, y) => x - y));
  });

  it('replays what came after --from, then continues live', async () => {
    core = testCore();
    server = await listen(core.core);
    const first = core.core.tasks.create({ title: 'one' });
    core.core.tasks.create({ title: 'two' });
    const firstId = core.core.events.bounds().oldest;
    const t = tail(server.url, ['--from', String(firstId), '--count', '2']);
    await t.until(1);
    core.core.tasks.update(first.id, { status: 'done' });
    expect(await t.exited).toBe(0);
    expect(t.events.map((e) => e.type)).toEqual(['task_created', 'task_updated']);
    expect(t.events[0]?.id).toBe(firstId + 1);
  });

  it('resumes after a server restart from the last id it printed, missing nothing and repeating nothing', async () => {
    core = testCore();
    server = await listen(core.core);
    const port = server.port;
    const t = tail(server.url, ['--count', '4']);
    await connected(server);
    core.core.tasks.create({ title: 'before 1' });
    core.core.tasks.create({ title: 'before 2' });
    await t.until(2);
    await server.close();
    core.core.tasks.create({ title: 'while down 1' });
    core.core.tasks.create({ title: 'while down 2' });
    server = await listen(core.core, port);
    expect(await t.exited).toBe(0);
    const titles = t.events.map((e) => (e.type === 'task_created' ? e.payload.title : e.type));
    expect(titles).toEqual(['before 1', 'before 2', 'while down 1', 'while down 2']);
  });

  it('misses nothing written while the server was down even when no event had arrived yet', async () => {
    core = testCore();
    core.core.tasks.create({ title: 'old news' });
    server = await listen(core.core);
    const port = server.port;
    const t = tail(server.url, ['--count', '2']);
    await connected(server);
    await server.close();
    core.core.tasks.create({ title: 'while down 1' });
    core.core.tasks.create({ title: 'while down 2' });
    server = await listen(core.core, port);
    expect(await t.exited).toBe(0);
    expect(t.events.map((e) => (e.type === 'task_created' ? e.payload.title : e.type))).toEqual([
      'while down 1',
      'while down 2',
    ]);
  });

  it('--agent follows only what concerns that agent (the inbox rule on the stream)', async () => {
    core = testCore();
    server = await listen(core.core);
    const mine = core.core.agents.create({ name: 'Mine' });
    const t = tail(server.url, ['--agent', mine.id, '--count', '2']);
    await connected(server);
    core.core.tasks.create({ title: 'not for it' });
    const task = core.core.tasks.create({ title: 'for it', assigned_agent_id: mine.id });
    core.core.comments.create(task.id, { body: 'its own words', agent_id: mine.id });
    core.core.comments.create(task.id, { body: 'a question' });
    expect(await t.exited).toBe(0);
    expect(t.events.map((e) => e.type)).toEqual(['task_created', 'comment_added']);
    expect(t.events[1]?.type === 'comment_added' && t.events[1].payload.body).toBe('a question');
  });
});
