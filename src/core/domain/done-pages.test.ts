import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '../../shared/entities.ts';
import { fakeClock } from '../testing/fake-clock.ts';
import { testCore } from '../testing/harness.ts';
import { DONE_WINDOW } from './done-pages.ts';

let t: ReturnType<typeof testCore>;
let clock: ReturnType<typeof fakeClock>;
beforeEach(() => {
  clock = fakeClock();
  t = testCore({ clock, sweep: false });
});
afterEach(() => t.close());

const done = (n: number, tick = 1): Task[] =>
  Array.from({ length: n }, (_, i) => {
    clock.advance(tick);
    return t.core.tasks.create({ title: `done ${i}`, status: 'done' });
  });

/** Every page after `from`, in order, until `next` is null. */
const walk = (from: string | null, limit: number, between?: (page: number) => void): Task[] => {
  const seen: Task[] = [];
  for (let cursor = from, page = 0; cursor; page += 1) {
    between?.(page);
    const answer = t.core.donePages.page(cursor, limit);
    seen.push(...answer.tasks);
    cursor = answer.next;
  }
  return seen;
};

describe('snapshot window', () => {
  it('carries every open task, the newest done ones, the done count and a cursor for the rest', () => {
    const open = ['inbox', 'assigned', 'in_progress', 'testing', 'review'].map((status) =>
      t.core.tasks.create({ title: status, status: status as Task['status'] }),
    );
    const all = done(DONE_WINDOW + 40);
    const snapshot = t.core.snapshot();
    const ids = snapshot.tasks.map((x) => x.id);
    for (const task of open) expect(ids).toContain(task.id);
    const doneIds = snapshot.tasks.filter((x) => x.status === 'done').map((x) => x.id);
    // Newest first: the last created (latest updated_at) lead the window.
    expect(doneIds).toEqual(
      all
        .slice(-DONE_WINDOW)
        .reverse()
        .map((x) => x.id),
    );
    expect(snapshot.done_total).toBe(DONE_WINDOW + 40);
    expect(snapshot.done_next).toEqual(expect.any(String));
    expect(walk(snapshot.done_next, 25).map((x) => x.id)).toEqual(
      all
        .slice(0, 40)
        .reverse()
        .map((x) => x.id),
    );
  });

  it('has no cursor when the window holds every done task', () => {
    done(3);
    t.core.tasks.create({ title: 'open' });
    const snapshot = t.core.snapshot();
    expect(snapshot.tasks).toHaveLength(4);
    expect(snapshot).toMatchObject({ done_total: 3, done_next: null });
  });

  it('orders by the Done column: a done task edited later comes first', () => {
    const [a, b] = done(2);
    clock.advance(5);
    t.core.tasks.update((a as Task).id, { title: 'edited' });
    const page = t.core.donePages.page(undefined, 10);
    expect(page.tasks.map((x) => x.id)).toEqual([(a as Task).id, (b as Task).id]);
    expect(page.next).toBeNull();
  });
});

describe('keyset pages', () => {
  it('splits ties of updated_at exactly: every done task once, whatever the page size', () => {
    // One timestamp for all (the clock does not move): only the id orders them.
    const all = done(53, 0);
    const expected = all
      .map((x) => x.id)
      .sort()
      .reverse();
    for (const limit of [1, 7, 10, 53, 60]) {
      const first = t.core.donePages.page(undefined, limit);
      const ids = [...first.tasks, ...walk(first.next, limit)].map((x) => x.id);
      expect(ids).toEqual(expected);
    }
  });

  it('loses and doubles nothing while tasks move in and out of Done between pages', () => {
    const all = done(120);
    // A window of 20, then pages of 15 with writes between every two: what the stream brings after
    // the window is folded on top (newer versions win), as the board does.
    const streamed = new Map<string, Task>();
    const off = t.core.bus.subscribe((event) => {
      if (event.type === 'task_created' || event.type === 'task_updated')
        streamed.set(event.payload.id, event.payload as Task);
    });
    const first = t.core.donePages.page(undefined, 20);
    const counts = new Map(first.tasks.map((x) => [x.id, 1]));
    const board = new Map(first.tasks.map((x) => [x.id, x]));
    const moved: string[] = [];
    const rest = walk(first.next, 15, (page) => {
      clock.advance(1);
      // An old task not paged yet leaves Done; every other page, the previous one comes back; a new one is done.
      const target = all[page * 3] as Task;
      t.core.tasks.update(target.id, { status: 'review' });
      moved.push(target.id);
      if (page % 2 === 1) t.core.tasks.update(moved[page - 1] as string, { status: 'done' });
      t.core.tasks.create({ title: `late ${page}`, status: 'done' });
    });
    off();
    for (const x of rest) {
      board.set(x.id, x);
      counts.set(x.id, (counts.get(x.id) ?? 0) + 1);
    }
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    for (const [id, task] of streamed) {
      const current = board.get(id);
      if (!current || current.version <= task.version) board.set(id, task);
    }
    const serverDone = t.core.tasks
      .list({ status: 'done' })
      .map((x) => x.id)
      .sort();
    const boardDone = [...board.values()]
      .filter((x) => x.status === 'done')
      .map((x) => x.id)
      .sort();
    expect(moved.length).toBeGreaterThan(4);
    expect(boardDone).toEqual(serverDone);
    expect(t.core.donePages.total()).toBe(serverDone.length);
  });

  it('refuses a cursor it did not hand out', () => {
    expect(() => t.core.donePages.page('not-a-cursor', 10)).toThrow(
      expect.objectContaining({ code: 'invalid' }),
    );
    const forged = Buffer.from(JSON.stringify({ a: 1 })).toString('base64url');
    expect(() => t.core.donePages.page(forged, 10)).toThrow(expect.objectContaining({ code: 'invalid' }));
  });
});
