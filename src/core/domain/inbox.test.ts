import { afterEach, describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../shared/events.ts';
import { toAnswer } from '../errors.ts';
import { workLoopCore } from '../testing/work-loop.ts';
import { INBOX_LIMIT, type InboxAnswer } from './inbox.ts';

let t: ReturnType<typeof workLoopCore>;
afterEach(() => t.close());

const latest = () => t.core.events.bounds().latest;
const read = (agentId: string, after?: number, waitS = 0, signal?: AbortSignal) =>
  Promise.resolve(t.core.inbox.read(agentId, after, waitS, signal));
const types = (answer: InboxAnswer) => answer.events.map((e) => e.type);
/** Whether `promise` has settled, after letting pending callbacks run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('reading an inbox', () => {
  it('without `after` answers at once with no events and the current cursor', async () => {
    t = workLoopCore();
    const a = t.agent('A');
    t.core.tasks.create({ title: 'mine', assigned_agent_id: a.id });
    expect(await read(a.id)).toEqual({ events: [], last_event_id: latest() });
    expect(t.core.inbox.read(a.id, undefined, 30)).toEqual({ events: [], last_event_id: latest() });
  });

  it('answers only the events relevant to the agent after the cursor, in the stream’s shape', async () => {
    t = workLoopCore();
    const a = t.agent('A');
    const b = t.agent('B');
    const { last_event_id: cursor } = await read(a.id);
    const mine = t.core.tasks.create({ title: 'mine', status: 'assigned', assigned_agent_id: a.id });
    const theirs = t.core.tasks.create({ title: 'theirs', status: 'assigned', assigned_agent_id: b.id });
    t.core.comments.create(theirs.id, { body: 'for B' });
    t.core.comments.create(mine.id, { body: 'by A itself', agent_id: a.id });
    const note = t.core.comments.create(mine.id, { body: 'from the operator' });
    t.core.tasks.update(mine.id, { assigned_agent_id: b.id });

    const answer = await read(a.id, cursor);
    expect(types(answer)).toEqual(['task_created', 'comment_added', 'task_updated']);
    const stored = t.core.events.after(cursor, 100);
    const ids = answer.events.map((e) => e.id);
    expect(answer.events).toEqual(stored.filter((e) => ids.includes(e.id)));
    expect(answer.events[1]).toEqual({
      id: expect.any(Number),
      type: 'comment_added',
      payload: { ...note, task_assigned_agent_id: a.id },
      created_at: note.created_at,
    });
    expect(answer.last_event_id).toBe(ids.at(-1));
    // B hears of its own task, the comment on it, and the task it was just given.
    expect(types(await read(b.id, cursor))).toEqual(['task_created', 'comment_added', 'task_updated']);
  });

  it('moves the cursor past irrelevant events: last_event_id is the current one when nothing is new', async () => {
    t = workLoopCore();
    const a = t.agent('A');
    const { last_event_id: cursor } = await read(a.id);
    t.core.tasks.create({ title: 'someone else’s' });
    expect(await read(a.id, cursor)).toEqual({ events: [], last_event_id: latest() });
    expect(await read(a.id, latest())).toEqual({ events: [], last_event_id: latest() });
  });

  it(`answers at most ${INBOX_LIMIT} events; last_event_id is the last one, from which the rest follow`, async () => {
    t = workLoopCore();
    const a = t.agent('A');
    const task = t.core.tasks.create({ title: 'chatty', assigned_agent_id: a.id });
    const { last_event_id: cursor } = await read(a.id);
    t.core.tx.write(() => {
      for (let i = 0; i < 650; i++) {
        t.core.comments.create(task.id, { body: `note ${i}` });
        if (i % 2 === 0) t.core.tasks.create({ title: `noise ${i}` });
      }
    });
    const first = await read(a.id, cursor);
    expect(first.events).toHaveLength(INBOX_LIMIT);
    expect(first.last_event_id).toBe(first.events.at(-1)?.id);
    const second = await read(a.id, first.last_event_id);
    expect(second.events).toHaveLength(150);
    expect(second.last_event_id).toBe(latest());
    const bodies = [...first.events, ...second.events].map((e) => (e.payload as { body: string }).body);
    expect(bodies).toEqual(Array.from({ length: 650 }, (_, i) => `note ${i}`));
  });

  it('is 404 for an unknown agent', () => {
    t = workLoopCore();
    let error: unknown;
    try {
      t.core.inbox.read('ghost', 0);
    } catch (e) {
      error = e;
    }
    expect(toAnswer(error)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('says reset when the cursor is older than the retained log, then goes on with what it holds', async () => {
    t = workLoopCore({ retainEvents: 10 });
    const a = t.agent('A');
    const task = t.core.tasks.create({ title: 'mine', assigned_agent_id: a.id });
    for (let i = 0; i < 30; i++) t.core.comments.create(task.id, { body: `note ${i}` });
    const { oldest } = t.core.events.bounds();
    expect(oldest).toBeGreaterThan(2);

    const answer = await read(a.id, 1);
    expect(answer.events[0]).toEqual({
      id: oldest - 1,
      type: 'reset',
      payload: { last_event_id: oldest - 1, reason: 'event id older than the retained log' },
    });
    const rest = answer.events.slice(1) as StreamEvent[];
    expect(rest.map((e) => e.id)).toEqual(t.core.events.after(oldest - 1, 100).map((e) => e.id));
    expect(answer.last_event_id).toBe(latest());
    // A cursor the log still continues from gets no reset.
    expect(types(await read(a.id, oldest - 1))).not.toContain('reset');
  });
});

describe('a cursor ahead of the log (say, after restoring an older backup)', () => {
  it('gets reset to the current id at once, rather than losing the event that would wake it', async () => {
    t = workLoopCore();
    const a = t.agent('A');
    const ahead = latest() + 100;
    const reset = {
      id: latest(),
      type: 'reset',
      payload: { last_event_id: latest(), reason: 'unknown event id' },
    };
    expect(await read(a.id, ahead)).toEqual({ events: [reset], last_event_id: latest() });
    const answer = await read(a.id, ahead, 5);
    expect(answer).toEqual({ events: [reset], last_event_id: latest() });
    // Resuming from the id it was given, the agent misses nothing.
    t.core.tasks.create({ title: 'mine', assigned_agent_id: a.id });
    expect(types(await read(a.id, answer.last_event_id, 5))).toEqual(['task_created']);
  });
});

describe('waiting on an inbox', () => {
  it('wakes on a relevant event, not on irrelevant ones, and answers only what concerns the agent', async () => {
    t = workLoopCore();
    const a = t.agent('A');
    const b = t.agent('B');
    const mine = t.core.tasks.create({ title: 'mine', status: 'assigned', assigned_agent_id: a.id });
    const { last_event_id: cursor } = await read(a.id);
    const waiting = read(a.id, cursor, 5);
    expect(await settled(waiting)).toBe(false);

    t.core.tasks.create({ title: 'for B', assigned_agent_id: b.id });
    t.core.comments.create(mine.id, { body: 'talking to myself', agent_id: a.id });
    t.core.agents.update(a.id, { role: 'reviewer' });
    expect(await settled(waiting)).toBe(false);

    const note = t.core.comments.create(mine.id, { body: 'Any news?', agent_id: b.id });
    const answer = await waiting;
    expect(answer.events.map((e) => e.payload)).toEqual([{ ...note, task_assigned_agent_id: a.id }]);
    expect(answer.last_event_id).toBe(latest());
  });

  it('hears a review decision: request changes wakes the assignee with the task, the comment and the decision', async () => {
    t = workLoopCore();
    const a = t.agent('A');
    const task = t.core.tasks.create({ title: 'feature', status: 'review', assigned_agent_id: a.id });
    const waiting = read(a.id, latest(), 5);
    t.core.review.decide(task.id, { decision: 'request_changes', comment: 'Add a test' });
    const answer = await waiting;
    expect(types(answer)).toEqual(['task_updated', 'comment_added', 'review_decided']);
    expect(answer.events.at(-1)?.payload).toMatchObject({
      decision: 'request_changes',
      comment: { body: 'Add a test', author: 'operator' },
      task: { status: 'assigned', assigned_agent_id: a.id },
    });
  });

  it('answers no events when the wait is up, with the cursor moved past what it skipped', async () => {
    t = workLoopCore();
    const a = t.agent('A');
    const { last_event_id: cursor } = await read(a.id);
    const waiting = read(a.id, cursor, 0.05);
    t.core.tasks.create({ title: 'not for A' });
    const started = performance.now();
    expect(await waiting).toEqual({ events: [], last_event_id: latest() });
    expect(performance.now() - started).toBeGreaterThanOrEqual(30);
  });

  it('answers at once when something is already there, and ends waits on abort and on close', async () => {
    t = workLoopCore();
    const a = t.agent('A');
    const { last_event_id: cursor } = await read(a.id);
    t.core.tasks.create({ title: 'mine', assigned_agent_id: a.id });
    expect(types(t.core.inbox.read(a.id, cursor, 30) as InboxAnswer)).toEqual(['task_created']);

    const controller = new AbortController();
    const aborted = read(a.id, latest(), 30, controller.signal);
    controller.abort();
    expect(await aborted).toEqual({ events: [], last_event_id: latest() });

    const closing = read(a.id, latest(), 30);
    t.core.inbox.close();
    expect((await closing).events).toEqual([]);
  });
});
