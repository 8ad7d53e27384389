// Session logs across a restart of the real server process: numbering goes on, and a follower that
// comes back with Last-Event-ID gets every line once, in order.
import { afterEach, expect, it } from 'vitest';
import type { LogLine } from '../../shared/logs.ts';
import { SseReader } from '../testing/harness.ts';
import { startServe, stopServes } from '../testing/serve-process.ts';

const readers: SseReader[] = [];
afterEach(() => {
  for (const r of readers.splice(0)) r.close();
  stopServes();
});

const linesOf = (reader: SseReader) =>
  reader.frames.flatMap((f) => (f.data && f.id !== null ? [f.data as unknown as LogLine] : []));

it('replays after Last-Event-ID across a restart with nothing missed or doubled', async () => {
  const first = await startServe('src/core/serve.ts');
  const { token, dir } = first;
  const api = async (url: string, path: string, method = 'GET', json?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const task = (await api(first.url, '/api/tasks', 'POST', { title: 'Work' })).body;
  const session = (
    await api(first.url, `/api/tasks/${task.id}/subagent`, 'POST', { openclaw_session_id: 'oc-restart' })
  ).body as { id: string };
  const batch = (url: string, from: number) =>
    api(url, `/api/openclaw/sessions/${session.id}/logs`, 'POST', {
      lines: Array.from({ length: 20 }, (_, i) => ({ text: `line ${from + i}` })),
    });
  const follow = async (url: string, lastEventId?: number) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
    const reader = await SseReader.open(`${url}/api/openclaw/sessions/${session.id}/logs/stream`, headers);
    readers.push(reader);
    return reader;
  };

  const live = await follow(first.url);
  let early: SseReader | undefined = await follow(first.url);
  const seenEarly: LogLine[] = [];
  for (let from = 1; from <= 100; from += 20) {
    expect((await batch(first.url, from)).status).toBe(201);
    if (from === 41) {
      // One follower leaves halfway (it will come back after the restart).
      await early?.until((r) => linesOf(r).length >= 40);
      seenEarly.push(...linesOf(early as SseReader));
      early?.close();
      early = undefined;
    }
  }
  await live.until((r) => linesOf(r).length === 100);
  const seenLive = linesOf(live);

  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  await live.until((r) => r.closed);

  const second = await startServe('src/core/serve.ts', dir);
  for (let from = 101; from <= 200; from += 20) {
    const answer = await batch(second.url, from);
    expect(answer.body).toEqual({ first_seq: from, last_seq: from + 19 });
  }
  const liveAgain = await follow(second.url, seenLive.at(-1)?.seq);
  const earlyAgain = await follow(second.url, seenEarly.at(-1)?.seq);
  await liveAgain.until((r) => linesOf(r).length === 100);
  await earlyAgain.until((r) => linesOf(r).length === 200 - seenEarly.length);

  const expected = Array.from({ length: 200 }, (_, i) => i + 1);
  expect([...seenLive, ...linesOf(liveAgain)].map((l) => l.seq)).toEqual(expected);
  expect([...seenEarly, ...linesOf(earlyAgain)].map((l) => l.seq)).toEqual(expected);
  expect(
    linesOf(earlyAgain)
      .map((l) => l.text)
      .at(-1),
  ).toBe('line 200');
}, 30_000);
