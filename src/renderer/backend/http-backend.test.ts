import { describe, expect, it, vi } from 'vitest';
import { BackendError } from './backend.ts';
import { backoffDelay } from './backoff.ts';
import { createHttpBackend } from './http-backend.ts';

describe('backoffDelay', () => {
  it('grows exponentially, caps, and jitters within half to all of the ceiling', () => {
    expect(backoffDelay(1, { baseMs: 400, maxMs: 8000 }, () => 0)).toBe(200);
    expect(backoffDelay(1, { baseMs: 400, maxMs: 8000 }, () => 1)).toBe(400);
    expect(backoffDelay(3, { baseMs: 400, maxMs: 8000 }, () => 1)).toBe(1600);
    expect(backoffDelay(20, { baseMs: 400, maxMs: 8000 }, () => 1)).toBe(8000);
  });
});

describe('HttpBackend.invoke', () => {
  it('sends the command as HTTP_CALLS maps it, with If-Match for the expected version', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ id: 't1' }), { status: 200 }));
    const backend = createHttpBackend({ fetch });
    await backend.invoke('tasks.update', { id: 't1', changes: { status: 'done' }, expected_version: 4 });
    expect(fetch).toHaveBeenCalledWith('/api/tasks/t1', {
      credentials: 'same-origin',
      method: 'PATCH',
      headers: { 'if-match': '"4"', 'content-type': 'application/json' },
      body: '{"status":"done"}',
    });
  });

  it('turns an API error into a BackendError with code, message and status', async () => {
    const body = { error: { code: 'version_conflict', message: 'Task changed' } };
    const backend = createHttpBackend({
      fetch: async () => new Response(JSON.stringify(body), { status: 409 }),
    });
    const error = await backend.invoke('tasks.delete', { id: 'x' }).catch((e) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: 'version_conflict', message: 'Task changed', status: 409 });
  });
});

class FakeEventSource {
  static all: FakeEventSource[] = [];
  url: string;
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string; lastEventId: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(url: string) {
    this.url = url;
    FakeEventSource.all.push(this);
  }
  close() {
    this.closed = true;
  }
}

describe('HttpBackend.subscribe', () => {
  it('reconnects with backoff from the last event id it delivered', async () => {
    vi.useFakeTimers();
    FakeEventSource.all = [];
    const states: string[] = [];
    const ids: number[] = [];
    const backend = createHttpBackend({ EventSource: FakeEventSource as unknown as typeof EventSource });
    const stop = backend.subscribe(
      3,
      (e) => ids.push(e.id),
      (s) => states.push(s),
    );
    const first = FakeEventSource.all[0];
    expect(first?.url).toBe('/api/events/stream?lastEventId=3');
    first?.onopen?.();
    first?.onmessage?.({ data: '{"type":"task_deleted","payload":{"id":"a"}}', lastEventId: '4' });
    first?.onerror?.();
    expect(first?.closed).toBe(true);
    expect(states).toEqual(['connecting', 'live', 'reconnecting']);
    await vi.advanceTimersByTimeAsync(500);
    expect(FakeEventSource.all[1]?.url).toBe('/api/events/stream?lastEventId=4');
    expect(ids).toEqual([4]);
    stop();
    vi.useRealTimers();
  });
});
