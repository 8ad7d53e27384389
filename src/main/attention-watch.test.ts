import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '../shared/events.ts';
import { ATTENTION_INTERVAL_MS, mayChangeAttention, watchAttention } from './attention-watch.ts';
import { attentionCore } from './testing/attention.ts';

let t: ReturnType<typeof attentionCore>;
let watch: ReturnType<typeof watchAttention>;
let reads: ReturnType<typeof vi.spyOn>;
const keys = () => watch.items().map((i) => i.key);

beforeEach(() => {
  vi.useFakeTimers();
  t = attentionCore();
  reads = vi.spyOn(t.core.attention, 'list');
  watch = watchAttention(t.core);
});
afterEach(() => {
  watch.dispose();
  t.close();
  vi.useRealTimers();
});

describe('the attention watch', () => {
  it('starts from the list as it is, read once', () => {
    watch.dispose();
    const task = t.review('Already there');
    reads.mockClear();
    watch = watchAttention(t.core);
    expect(keys()).toEqual([`review:${task.id}`]);
    expect(reads).toHaveBeenCalledOnce();
  });

  it('reads the list once for a hundred events in one turn', () => {
    reads.mockClear();
    const tasks = Array.from({ length: 100 }, (_, i) =>
      t.core.tasks.create({ title: `t${i}`, status: 'review' }),
    );
    expect(t.published.length).toBeGreaterThanOrEqual(100);
    expect(reads).not.toHaveBeenCalled(); // nothing read while the writes are still coming
    t.settle();
    expect(reads).toHaveBeenCalledOnce();
    expect(keys()).toEqual(tasks.map((task) => `review:${task.id}`));
    t.settle();
    expect(reads).toHaveBeenCalledOnce();
  });

  it('reads right after the turn when idle, and at most once per interval under load', () => {
    vi.advanceTimersByTime(ATTENTION_INTERVAL_MS);
    reads.mockClear();
    t.review('Idle');
    vi.advanceTimersByTime(0);
    expect(reads).toHaveBeenCalledOnce(); // idle: the next turn, not 100 ms later
    // One write every 5 ms for a second: about one read per 100 ms, never one per write.
    for (let i = 0; i < 200; i++) {
      t.core.tasks.create({ title: `busy ${i}`, status: 'review' });
      vi.advanceTimersByTime(5);
    }
    t.settle();
    expect(reads.mock.calls.length).toBeGreaterThanOrEqual(10);
    expect(reads.mock.calls.length).toBeLessThanOrEqual(12);
    expect(watch.items()).toHaveLength(201);
  });

  it('tells its listeners only when the list changed', () => {
    const seen: string[][] = [];
    watch.subscribe((items) => seen.push(items.map((i) => i.key)));
    const task = t.core.tasks.create({ title: 'Calm' });
    t.settle();
    expect(seen).toEqual([]); // read (a task_created may put one on the list), but no change
    t.core.tasks.update(task.id, { status: 'review' });
    t.settle();
    t.core.attention.dismiss(`review:${task.id}`);
    t.settle();
    expect(seen).toEqual([[`review:${task.id}`], []]);
  });

  it('does not read again for events that cannot change the list', () => {
    const task = t.core.tasks.create({ title: 'Talk' });
    t.settle();
    reads.mockClear();
    t.core.comments.create(task.id, { body: 'hello' });
    t.core.activities.create(task.id, { activity_type: 'updated', message: 'note' });
    t.agent('Someone');
    t.settle();
    expect(reads).not.toHaveBeenCalled();
  });

  it('looks again when a failed session drops off the list after a day, with no event', () => {
    const failed = t.failedSession('crawler');
    t.settle();
    expect(keys()).toEqual([`failed_session:${failed.id}`]);
    t.clock.advance(24 * 3600 - 1);
    vi.advanceTimersByTime(24 * 3600_000 - 1000);
    expect(keys()).toEqual([`failed_session:${failed.id}`]);
    t.clock.advance(1.001);
    vi.advanceTimersByTime(1001);
    t.settle();
    expect(keys()).toEqual([]);
  });

  it('stops reading once disposed', () => {
    watch.dispose();
    reads.mockClear();
    t.review('Late');
    t.settle();
    expect(reads).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('which events may change the attention list', () => {
  const event = (type: string, payload: unknown = {}) =>
    ({ id: 1, type, payload, created_at: '' }) as DomainEvent;
  it('task and session changes and dismissals do; comments, activities and new agents do not', () => {
    for (const type of ['task_created', 'task_updated', 'task_deleted', 'session_updated', 'agent_completed'])
      expect(mayChangeAttention(event(type))).toBe(true);
    expect(mayChangeAttention(event('attention_dismissed'))).toBe(true);
    for (const type of [
      'comment_added',
      'activity_logged',
      'agent_created',
      'agent_spawned',
      'review_decided',
    ])
      expect(mayChangeAttention(event(type))).toBe(false);
  });

  it('an agent delete does only when it cleared the agent from a task or a session', () => {
    const cleared = (tasks: string[], sessions: string[]) => ({
      id: 'a',
      cleared: {
        assigned_task_ids: tasks,
        created_task_ids: [],
        session_ids: sessions,
        activity_ids: [],
        comment_ids: [],
      },
    });
    expect(mayChangeAttention(event('agent_deleted', cleared([], [])))).toBe(false);
    expect(mayChangeAttention(event('agent_deleted', cleared(['t'], [])))).toBe(true);
    expect(mayChangeAttention(event('agent_deleted', cleared([], ['s'])))).toBe(true);
  });
});
