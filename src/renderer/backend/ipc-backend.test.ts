import { describe, expect, it } from 'vitest';
import type { DomainEvent, StreamEvent } from '../../shared/events.ts';
import { EVENTS_PAGE, type MissionControlBridge } from '../../shared/ipc.ts';
import { createIpcBackend } from './ipc-backend.ts';

const ev = (id: number): DomainEvent => ({
  id,
  type: 'task_deleted',
  payload: {
    id: `t${id}`,
    assigned_agent_id: null,
    removed: { activity_ids: [], deliverable_ids: [], session_ids: [], comment_ids: [] },
  },
  created_at: '2026-01-01T00:00:00.000Z',
});

/** A bridge over an in-memory log: `eventsAfter` pages like main's, `push` acts as a live event. */
function fakeBridge(log: DomainEvent[], oldest = 1) {
  let listener: ((e: DomainEvent) => void) | null = null;
  const calls: number[] = [];
  let beforeAnswer: (() => void) | null = null;
  const bridge: Partial<MissionControlBridge> = {
    onEvent: (l) => {
      listener = l;
      return () => {
        listener = null;
      };
    },
    eventsAfter: async (last) => {
      calls.push(last);
      beforeAnswer?.();
      beforeAnswer = null;
      const latest = log.at(-1)?.id ?? 0;
      if (last > latest || last + 1 < oldest) {
        return [{ id: latest, type: 'reset', payload: { last_event_id: latest, reason: 'x' } }];
      }
      return log.filter((e) => e.id > last).slice(0, EVENTS_PAGE);
    },
    invoke: async (command) =>
      command === 'snapshot'
        ? { ok: true, value: { last_event_id: 0 } }
        : { ok: false, status: 404, error: { code: 'not_found', message: 'no such task' } },
  };
  return {
    bridge: bridge as MissionControlBridge,
    calls,
    push: (e: DomainEvent) => listener?.(e),
    /** Runs `fn` while the first replay read is in flight (a write racing the replay). */
    during: (fn: () => void) => {
      beforeAnswer = fn;
    },
  };
}

const follow = (bridge: MissionControlBridge, from: number) => {
  const seen: StreamEvent[] = [];
  const states: string[] = [];
  const off = createIpcBackend(bridge).subscribe(
    from,
    (e) => seen.push(e),
    (s) => states.push(s),
  );
  return { seen, states, off, ids: () => seen.map((e) => e.id) };
};
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('IpcBackend', () => {
  it('replays page by page, then goes live without gap or duplicate', async () => {
    const log = Array.from({ length: EVENTS_PAGE + 5 }, (_, i) => ev(i + 1));
    const f = fakeBridge(log);
    // A write commits while the first page is being read: it arrives live and by replay.
    f.during(() => {
      log.push(ev(EVENTS_PAGE + 6));
      f.push(ev(EVENTS_PAGE + 6));
    });
    const s = follow(f.bridge, 0);
    await settle();
    f.push(ev(EVENTS_PAGE + 7));
    expect(f.calls).toEqual([0, EVENTS_PAGE]);
    expect(s.ids()).toEqual(Array.from({ length: EVENTS_PAGE + 7 }, (_, i) => i + 1));
    expect(s.states).toEqual(['connecting', 'live']);
    s.off();
    f.push(ev(EVENTS_PAGE + 8));
    expect(s.seen).toHaveLength(EVENTS_PAGE + 7);
  });

  it('passes a reset through when the log cannot continue', async () => {
    const f = fakeBridge([ev(50), ev(51)], 50);
    const s = follow(f.bridge, 10);
    await settle();
    expect(s.seen.map((e) => e.type)).toEqual(['reset']);
    f.push(ev(52));
    expect(s.ids()).toEqual([51, 52]);
  });

  it('turns command failures into BackendErrors with the API code', async () => {
    const backend = createIpcBackend(fakeBridge([]).bridge);
    await expect(backend.invoke('snapshot', {})).resolves.toEqual({ last_event_id: 0 });
    await expect(backend.invoke('tasks.delete', { id: 'x' })).rejects.toMatchObject({
      name: 'BackendError',
      code: 'not_found',
      status: 404,
      message: 'no such task',
    });
  });
});
