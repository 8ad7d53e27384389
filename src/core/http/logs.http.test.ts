// Session logs over real HTTP: appends, reads, the live log stream and its limits.
import { afterEach, describe, expect, it } from 'vitest';
import type { LogLine } from '../../shared/logs.ts';
import { SseReader, startTestServer, TEST_TOKEN, type TestServer } from '../testing/harness.ts';

let s: TestServer | undefined;
const readers: SseReader[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) r.close();
  await s?.close();
  s = undefined;
});

// biome-ignore lint/suspicious/noExplicitAny: test answers are asserted field by field
type Json = any;
async function start(options: Parameters<typeof startTestServer>[0] = {}) {
  s = await startTestServer(options);
  return s;
}
async function call(method: string, path: string, json?: unknown, token = TEST_TOKEN) {
  const res = await (s as TestServer).api(path, {
    method,
    json,
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
}
async function session(name = 'oc-1') {
  const task = (await call('POST', '/api/tasks', { title: 'Work' })).body;
  const res = await call('POST', `/api/tasks/${task.id}/subagent`, { openclaw_session_id: name });
  expect(res.status).toBe(201);
  return res.body as { id: string; openclaw_session_id: string };
}
const post = (id: string, texts: string[], extra: object = {}) =>
  call('POST', `/api/openclaw/sessions/${id}/logs`, { lines: texts.map((text) => ({ text, ...extra })) });
const numbered = (from: number, count: number) => Array.from({ length: count }, (_, i) => `line ${from + i}`);

/** Log lines of a log stream (its data frames carry the line, not `{type, payload}`). */
const linesOf = (reader: SseReader) =>
  reader.frames.flatMap((f) => (f.data && f.id !== null ? [f.data as unknown as LogLine] : []));
async function openLog(id: string, query = '', headers: Record<string, string> = {}) {
  const reader = await SseReader.open(
    `${(s as TestServer).url}/api/openclaw/sessions/${id}/logs/stream${query}`,
    headers,
  );
  readers.push(reader);
  return reader;
}
async function deviceToken(name: string, scope: 'read' | 'write') {
  const res = await call('POST', '/api/devices', { name, scope });
  expect(res.status).toBe(201);
  return res.body.token as string;
}

describe('POST and GET /api/openclaw/sessions/:id/logs', () => {
  it('appends lines by either session id and reads them by seq with the newest seq', async () => {
    await start();
    const sess = await session();
    expect((await post(sess.id, ['one', 'two'])).body).toEqual({ first_seq: 1, last_seq: 2 });
    const res = await call('POST', `/api/openclaw/sessions/${sess.openclaw_session_id}/logs`, {
      lines: [{ text: 'oops', stream: 'stderr', at: '2026-01-01T00:00:00.000Z' }],
    });
    expect(res).toEqual({ status: 201, body: { first_seq: 3, last_seq: 3 } });
    const page = await call('GET', `/api/openclaw/sessions/${sess.id}/logs?after_seq=1&limit=5`);
    expect(page.status).toBe(200);
    expect(page.body).toEqual({
      lines: [
        { seq: 2, stream: 'stdout', text: 'two', at: expect.any(String) },
        { seq: 3, stream: 'stderr', text: 'oops', at: '2026-01-01T00:00:00.000Z' },
      ],
      last_seq: 3,
    });
    const limited = await call('GET', `/api/openclaw/sessions/${sess.openclaw_session_id}/logs?limit=1`);
    expect(limited.body.lines.map((l: LogLine) => l.seq)).toEqual([1]);
    expect(limited.body.last_seq).toBe(3);
  });

  it('refuses empty, oversized and malformed batches with 400 and unknown sessions with 404', async () => {
    await start();
    const sess = await session();
    const path = `/api/openclaw/sessions/${sess.id}/logs`;
    expect((await call('POST', path, { lines: [] })).status).toBe(400);
    expect((await call('POST', path, { lines: numbered(1, 1001).map((text) => ({ text })) })).status).toBe(
      400,
    );
    expect((await call('POST', path, { lines: [{ text: 'x'.repeat(16 * 1024 + 1) }] })).status).toBe(400);
    // 16 KB of UTF-8, not of characters: 6,000 three-byte characters are 18,000 bytes.
    expect((await call('POST', path, { lines: [{ text: '€'.repeat(6000) }] })).status).toBe(400);
    expect((await call('POST', path, { lines: [{ text: 'x'.repeat(16 * 1024) }] })).status).toBe(201);
    expect((await call('POST', path, { lines: [{ text: 'a', stream: 'stdin' }] })).status).toBe(400);
    expect((await call('POST', path, { lines: [{ text: 'a', at: 'yesterday' }] })).status).toBe(400);
    expect((await call('POST', path, { lines: [{ text: 'a', extra: 1 }] })).status).toBe(400);
    expect((await call('GET', `${path}?limit=0`)).status).toBe(400);
    const missing = await call('POST', '/api/openclaw/sessions/ghost/logs', { lines: [{ text: 'a' }] });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'not_found']);
    expect((await call('GET', '/api/openclaw/sessions/ghost/logs')).status).toBe(404);
    expect((await call('GET', '/api/openclaw/sessions/ghost/logs/stream')).status).toBe(404);
  });

  it('lets read-only devices read and follow a log but not write one (403)', async () => {
    await start();
    const sess = await session();
    await post(sess.id, ['hello']);
    const reader = await deviceToken('phone', 'read');
    const denied = await call(
      'POST',
      `/api/openclaw/sessions/${sess.id}/logs`,
      { lines: [{ text: 'x' }] },
      reader,
    );
    expect([denied.status, denied.body.error.code]).toEqual([403, 'read_only']);
    const page = await call('GET', `/api/openclaw/sessions/${sess.id}/logs`, undefined, reader);
    expect(page.body.lines.map((l: LogLine) => l.text)).toEqual(['hello']);
    const stream = await openLog(sess.id, '', { authorization: `Bearer ${reader}` });
    expect(stream.response.status).toBe(200);
    await stream.until((r) => linesOf(r).length === 1);
    const writer = await deviceToken('laptop', 'write');
    expect(
      (await call('POST', `/api/openclaw/sessions/${sess.id}/logs`, { lines: [{ text: 'x' }] }, writer))
        .status,
    ).toBe(201);
  });

  it('numbers concurrent appends without gaps or overlaps', async () => {
    await start();
    const sess = await session();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, batch) => post(sess.id, numbered(batch * 50, 50))),
    );
    const ranges = answers.map((a) => [a.body.first_seq, a.body.last_seq] as [number, number]);
    ranges.sort((a, b) => a[0] - b[0]);
    let next = 1;
    for (const [first, last] of ranges) {
      expect([first, last]).toEqual([next, next + 49]);
      next = last + 1;
    }
    const seqs: number[] = [];
    for (let after = 0; ; ) {
      const page = (await call('GET', `/api/openclaw/sessions/${sess.id}/logs?after_seq=${after}`)).body;
      if (page.lines.length === 0) break;
      seqs.push(...page.lines.map((l: LogLine) => l.seq));
      after = page.lines.at(-1).seq;
    }
    expect(seqs).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });

  it('answers 409 session_ended once an ended session is past its grace', async () => {
    await start();
    const sess = await session();
    await call('PATCH', `/api/openclaw/sessions/${sess.id}`, { status: 'completed' });
    expect((await post(sess.id, ['draining'])).status).toBe(201);
    s?.core.db
      .prepare('UPDATE openclaw_sessions SET ended_at = ? WHERE id = ?')
      .run(new Date(Date.now() - 61_000).toISOString(), sess.id);
    const late = await post(sess.id, ['too late']);
    expect([late.status, late.body.error.code]).toEqual([409, 'session_ended']);
  });
});

describe('GET /api/openclaw/sessions/:id/logs/stream', () => {
  it('replays the last 1,000 lines by default (or ?tail=), then sends each new line once, live', async () => {
    await start();
    const sess = await session();
    await post(sess.id, numbered(1, 1000));
    await post(sess.id, numbered(1001, 200));
    const all = await openLog(sess.id);
    const tail = await openLog(sess.openclaw_session_id, '?tail=3');
    await all.until((r) => linesOf(r).length === 1000);
    await tail.until((r) => linesOf(r).length === 3);
    expect(linesOf(all)[0]).toMatchObject({ seq: 201, text: 'line 201', stream: 'stdout' });
    expect(all.frames.filter((f) => f.id !== null).map((f) => f.id)).toEqual(
      Array.from({ length: 1000 }, (_, i) => 201 + i),
    );
    expect(linesOf(tail).map((l) => l.seq)).toEqual([1198, 1199, 1200]);

    await post(sess.id, ['live 1', 'live 2']);
    await post(sess.id, ['live 3'], { stream: 'stderr' });
    await all.until((r) => linesOf(r).length === 1003);
    await tail.until((r) => linesOf(r).length === 6);
    expect(linesOf(tail).slice(3)).toEqual([
      { seq: 1201, stream: 'stdout', text: 'live 1', at: expect.any(String) },
      { seq: 1202, stream: 'stdout', text: 'live 2', at: expect.any(String) },
      { seq: 1203, stream: 'stderr', text: 'live 3', at: expect.any(String) },
    ]);
  });

  it('replays after Last-Event-ID (header or query) and tells when the session ends', async () => {
    await start();
    const sess = await session();
    await post(sess.id, numbered(1, 10));
    const header = await openLog(sess.id, '', { 'last-event-id': '7' });
    const query = await openLog(sess.id, '?lastEventId=9');
    await header.until((r) => linesOf(r).length === 3);
    await query.until((r) => linesOf(r).length === 1);
    expect(linesOf(header).map((l) => l.seq)).toEqual([8, 9, 10]);
    expect(linesOf(query).map((l) => l.seq)).toEqual([10]);
    await call('PATCH', `/api/openclaw/sessions/${sess.id}`, { status: 'completed' });
    await header.until((r) => r.frames.some((f) => f.id === null && f.data !== null));
    const end = header.frames.find((f) => f.id === null && f.data !== null);
    expect(end?.data).toEqual({ session_id: sess.id, last_seq: 10 });
    // A stream opened on an ended session hears it after its replay.
    const after = await openLog(sess.id);
    await after.until((r) => r.frames.some((f) => f.id === null && f.data !== null));
    expect(linesOf(after)).toHaveLength(10);
    expect((await openLog(sess.id, '', { 'last-event-id': 'x' })).response.status).toBe(400);
    // An id beyond the newest line resumes from the newest: the next line still arrives.
    const ahead = await openLog(sess.id, '', { 'last-event-id': '500' });
    await post(sess.id, ['eleven']);
    await ahead.until((r) => linesOf(r).length === 1);
    expect(linesOf(ahead)[0]).toMatchObject({ seq: 11, text: 'eleven' });
  });

  it('counts log streams in the per-token stream limits', async () => {
    await start({ sse: { maxDeviceStreams: 2 } });
    const sess = await session();
    const token = await deviceToken('phone', 'read');
    const auth = { authorization: `Bearer ${token}` };
    expect((await openLog(sess.id, '', auth)).response.status).toBe(200);
    const events = await SseReader.open(`${s?.url}/api/events/stream`, auth);
    readers.push(events);
    expect(events.response.status).toBe(200);
    const refused = await openLog(sess.id, '', auth);
    expect(refused.response.status).toBe(429);
    expect(((await refused.response.json()) as Json).error.code).toBe('too_many_streams');
    // The owner token is counted apart.
    expect((await openLog(sess.id)).response.status).toBe(200);
  });

  it('ends a revoked device’s log streams', async () => {
    await start();
    const sess = await session();
    const created = await call('POST', '/api/devices', { name: 'phone', scope: 'read' });
    const stream = await openLog(sess.id, '', { authorization: `Bearer ${created.body.token}` });
    expect(stream.response.status).toBe(200);
    await call('DELETE', `/api/devices/${created.body.device.id}`);
    await stream.until((r) => r.closed);
  });
});
