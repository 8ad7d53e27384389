import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore } from '../testing/harness.ts';

let t: ReturnType<typeof testCore>;
beforeEach(() => {
  t = testCore({ retainEvents: 5 });
});
afterEach(() => t.close());

describe('event log', () => {
  it('hands out increasing ids and reads them back in order with their payloads', () => {
    const a = t.core.tasks.create({ title: 'a' });
    const b = t.core.tasks.create({ title: 'b' });
    expect(t.core.events.after(0, 10).map((e) => [e.id, e.type, (e.payload as { id: string }).id])).toEqual([
      [1, 'task_created', a.id],
      [2, 'task_created', b.id],
    ]);
    expect(t.core.events.after(1, 10).map((e) => e.id)).toEqual([2]);
  });

  it('prunes to the retained count and never reuses an id, even when pruned empty', () => {
    for (let i = 0; i < 8; i++) t.core.tasks.create({ title: `t${i}` });
    t.core.pruneEvents();
    expect(t.core.events.bounds()).toEqual({ oldest: 4, latest: 8 });
    t.core.tx.log.prune(0);
    expect(t.core.events.bounds()).toEqual({ oldest: 9, latest: 8 });
    t.core.tasks.create({ title: 'next' });
    expect(t.core.events.bounds()).toEqual({ oldest: 9, latest: 9 });
  });

  it('gives a snapshot whose last_event_id matches the rows it holds', () => {
    t.core.tasks.create({ title: 'a' });
    const snap = t.core.snapshot();
    expect(snap.last_event_id).toBe(1);
    expect(snap.tasks).toHaveLength(1);
  });
});
