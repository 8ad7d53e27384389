import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogLine } from '../../shared/logs.ts';
import { createHttpBackend } from './http-backend.ts';

class FakeEventSource {
  static all: FakeEventSource[] = [];
  url: string;
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  named = new Map<string, () => void>();
  closed = false;
  constructor(url: string) {
    this.url = url;
    FakeEventSource.all.push(this);
  }
  addEventListener(name: string, listener: () => void) {
    this.named.set(name, listener);
  }
  close() {
    this.closed = true;
  }
}

const line = (seq: number) => JSON.stringify({ seq, stream: 'stdout', text: `l${seq}`, at: 'x' });
afterEach(() => vi.useRealTimers());

describe('HttpBackend.followLog', () => {
  it('asks for the tail first, drops repeats, and resumes after the last line on reconnect', async () => {
    vi.useFakeTimers();
    FakeEventSource.all = [];
    const fetch = vi.fn(async () => new Response('{"lines":[],"last_seq":2}', { status: 200 }));
    const backend = createHttpBackend({
      fetch,
      EventSource: FakeEventSource as unknown as typeof EventSource,
    });
    const seen: number[] = [];
    const states: string[] = [];
    let ended = false;
    const stop = backend.followLog?.('s 1', 50, {
      onLines: (lines: LogLine[]) => seen.push(...lines.map((l) => l.seq)),
      onState: (s) => states.push(s),
      onEnded: () => {
        ended = true;
      },
    });
    const first = FakeEventSource.all[0];
    expect(first?.url).toBe('/api/openclaw/sessions/s%201/logs/stream?tail=50');
    first?.onopen?.();
    first?.onmessage?.({ data: line(1) });
    first?.onmessage?.({ data: line(2) });
    first?.onerror?.();
    expect(first?.closed).toBe(true);
    await vi.runAllTimersAsync();
    expect(fetch).toHaveBeenCalledWith('/api/openclaw/sessions/s%201/logs?limit=1', expect.anything());
    const second = FakeEventSource.all[1];
    expect(second?.url).toBe('/api/openclaw/sessions/s%201/logs/stream?lastEventId=2');
    second?.onmessage?.({ data: line(2) });
    second?.onmessage?.({ data: line(3) });
    second?.named.get('session_ended')?.();
    expect(seen).toEqual([1, 2, 3]);
    expect(ended).toBe(true);
    expect(states).toEqual(['connecting', 'live', 'reconnecting', 'reconnecting']);
    stop?.();
    expect(second?.closed).toBe(true);
  });

  it('gives up with onError when the log does not exist', async () => {
    FakeEventSource.all = [];
    const body = { error: { code: 'not_found', message: 'session x not found' } };
    const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status: 404 }));
    const backend = createHttpBackend({
      fetch,
      EventSource: FakeEventSource as unknown as typeof EventSource,
    });
    const errors: string[] = [];
    backend.followLog?.('x', 10, { onLines: () => {}, onError: (e) => errors.push(e.code) });
    FakeEventSource.all[0]?.onerror?.();
    await vi.waitFor(() => expect(errors).toEqual(['not_found']));
    await new Promise((r) => setTimeout(r, 50));
    expect(FakeEventSource.all).toHaveLength(1);
  });
});
