// One agent's share of the stream (`?agent_id=`) and the inbox long-poll, over a real server.
import { afterEach, describe, expect, it } from 'vitest';
import type { DomainEvent, StreamEvent } from '../../shared/events.ts';
import { isRelevantTo } from '../../shared/relevance.ts';
import { SseReader, startTestServer, type TestServer } from '../testing/harness.ts';

let s: TestServer;
const readers: SseReader[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) r.close();
  await s?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: answers are asserted field by field
type Json = any;
const call = async (method: string, path: string, json?: unknown, signal?: AbortSignal) => {
  const res = await s.api(path, { method, json, ...(signal ? { signal } : {}) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
};
const post = async (path: string, json: unknown) => {
  const res = await call('POST', path, json);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
};
async function open(query: string, headers: Record<string, string> = {}) {
  const reader = await SseReader.open(`${s.url}/api/events/stream${query}`, headers);
  readers.push(reader);
  return reader;
}
const stored = (after: number): DomainEvent[] => s.core.events.after(after, 10_000);
const brief = (events: StreamEvent[]) => events.map((e) => [e.id, e.type]);
/** Resolves once the server holds `n` waiting inbox reads. */
async function waiting(n: number, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (s.core.inbox.waiting() !== n) {
    if (Date.now() > deadline) throw new Error(`${s.core.inbox.waiting()} waiting inbox reads, not ${n}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Events of every kind for A and B: tasks, a hand-over, comments both ways, a review decision, noise. */
async function conversation(a: string, b: string) {
  const mine = await post('/api/tasks', { title: 'mine', status: 'assigned', assigned_agent_id: a });
  const theirs = await post('/api/tasks', { title: 'theirs', status: 'assigned', assigned_agent_id: b });
  await post('/api/tasks', { title: 'nobody’s' });
  await post(`/api/tasks/${mine.id}/comments`, { body: 'from the operator' });
  await post(`/api/tasks/${mine.id}/comments`, { body: 'A to itself', agent_id: a });
  await post(`/api/tasks/${theirs.id}/comments`, { body: 'A to B', agent_id: a });
  await call('PATCH', `/api/tasks/${theirs.id}`, { assigned_agent_id: a, status: 'review' });
  await post(`/api/tasks/${theirs.id}/review`, { decision: 'request_changes', comment: 'again' });
  await call('DELETE', `/api/tasks/${mine.id}`);
  await post('/api/agents', { name: 'Noise' });
}

describe('the stream for one agent (?agent_id=)', () => {
  it('delivers exactly that agent’s events, with the global event ids', async () => {
    s = await startTestServer();
    const a = (await post('/api/agents', { name: 'A' })).id;
    const b = (await post('/api/agents', { name: 'B' })).id;
    const start = s.core.events.bounds().latest;
    const all = await open('');
    const forA = await open(`?agent_id=${a}`);
    const forB = await open(`?agent_id=${encodeURIComponent(b)}`);
    await conversation(a, b);
    // The last thing done concerns both, so each stream has everything before it once it has that.
    const marker = await post('/api/tasks', { title: 'marker', assigned_agent_id: a });
    await call('PATCH', `/api/tasks/${marker.id}`, { assigned_agent_id: b });
    const latest = s.core.events.bounds().latest;
    for (const reader of [all, forA, forB]) await reader.until((r) => r.events.at(-1)?.id === latest);

    const log = stored(start);
    expect(brief(all.events)).toEqual(brief(log));
    for (const [reader, agent] of [
      [forA, a],
      [forB, b],
    ] as const) {
      const expected = log.filter((e) => isRelevantTo(e, agent));
      expect(brief(reader.events)).toEqual(brief(expected));
      expect(reader.events.map((e) => e.payload)).toEqual(expected.map((e) => e.payload));
    }
    expect(forA.events.map((e) => e.type)).toEqual([
      'task_created',
      'comment_added',
      'task_updated',
      'task_updated',
      'comment_added',
      'review_decided',
      'task_deleted',
      'task_created',
      'task_updated',
    ]);
  });

  it('replays after Last-Event-ID (or ?lastEventId=) with the filter applied, across replay pages, then goes live', async () => {
    s = await startTestServer({ sse: { replayPage: 3 } });
    const a = (await post('/api/agents', { name: 'A' })).id;
    const b = (await post('/api/agents', { name: 'B' })).id;
    const cursor = s.core.events.bounds().latest;
    await conversation(a, b);
    const expected = stored(cursor).filter((e) => isRelevantTo(e, a));
    expect(expected.length).toBeGreaterThan(3);

    const byHeader = await open(`?agent_id=${a}`, { 'last-event-id': String(cursor) });
    const byQuery = await open(`?agent_id=${a}&lastEventId=${cursor}`);
    for (const reader of [byHeader, byQuery]) await reader.untilEvents(expected.length);
    const live = await post('/api/tasks', { title: 'live', assigned_agent_id: a });
    await post('/api/tasks', { title: 'not A’s' });
    for (const reader of [byHeader, byQuery]) {
      await reader.untilEvents(expected.length + 1);
      expect(brief(reader.events.slice(0, -1))).toEqual(brief(expected));
      expect(reader.events.at(-1)).toMatchObject({ type: 'task_created', payload: { id: live.id } });
    }
  });

  it('answers 404 for an unknown agent_id and 400 for an empty one, before any stream starts', async () => {
    s = await startTestServer();
    const ghost = await s.api('/api/events/stream?agent_id=ghost');
    expect(ghost.status).toBe(404);
    expect(await ghost.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await s.api('/api/events/stream?agent_id=')).status).toBe(400);
    expect(s.server.hub.size).toBe(0);
  });
});

describe('the inbox long-poll over HTTP', () => {
  it('hears review_decided within 1 s of the operator approving over HTTP (50 rounds)', async () => {
    s = await startTestServer();
    const a = (await post('/api/agents', { name: 'A' })).id;
    const latencies: number[] = [];
    for (let round = 0; round < 50; round++) {
      const task = await post('/api/tasks', { title: `r${round}`, status: 'review', assigned_agent_id: a });
      const { last_event_id } = (await call('GET', `/api/agents/${a}/inbox`)).body;
      const inbox = call('GET', `/api/agents/${a}/inbox?after=${last_event_id}&wait_s=10`);
      await waiting(1);
      const started = performance.now();
      const approved = post(`/api/tasks/${task.id}/review`, { decision: 'approve' });
      const answer = await inbox;
      latencies.push(performance.now() - started);
      await approved;
      expect(answer.status).toBe(200);
      expect(answer.body.events.map((e: Json) => e.type)).toContain('review_decided');
      expect(answer.body.events.at(-1)).toMatchObject({
        type: 'review_decided',
        payload: { task_id: task.id, decision: 'approve', task: { status: 'done' } },
      });
    }
    const sorted = [...latencies].sort((x, y) => x - y);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
    console.log(
      `inbox wake on approve over ${sorted.length} rounds: p50 ${at(50)?.toFixed(2)} ms, ` +
        `p99 ${at(99)?.toFixed(2)} ms, max ${sorted.at(-1)?.toFixed(2)} ms`,
    );
    expect(at(99)).toBeLessThan(1000);
  }, 60_000);

  it('lets go of a waiting read when its client leaves', async () => {
    s = await startTestServer();
    const a = (await post('/api/agents', { name: 'A' })).id;
    const controller = new AbortController();
    const inbox = call('GET', `/api/agents/${a}/inbox?after=0&wait_s=30`, undefined, controller.signal);
    await waiting(1);
    controller.abort();
    await expect(inbox).rejects.toThrow();
    await waiting(0);
  });
});
