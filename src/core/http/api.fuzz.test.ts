// A short seeded fuzz of every route (the long run is `npm run test:fuzz`), plus the cases it found.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzApi } from '../../../tests/fuzz/fuzz-api.ts';
import { startTestServer, TEST_TOKEN, type TestServer } from '../testing/harness.ts';

describe('fuzzed requests against every route', () => {
  it('answers only JSON 4xx or valid 2xx, never 5xx, and leaves a sound database', async () => {
    const report = await fuzzApi({ runs: Number(process.env.FUZZ_RUNS ?? 400), seed: 20260131 });
    expect(report.serverErrors).toBe(0);
    expect(report.integrity).toBe('ok');
    expect(report.foreignKeyViolations).toBe(0);
    expect(report.prototypePolluted).toBe(false);
    // The generator must reach the handlers, not only the guards and the 404.
    expect((report.byStatus[200] ?? 0) + (report.byStatus[201] ?? 0)).toBeGreaterThan(report.cases / 10);
    expect(report.byStatus[400] ?? 0).toBeGreaterThan(report.cases / 20);
  }, 30_000);
});

/** Sends raw bytes and returns the raw answer: what Node's own HTTP parser refuses never reaches inject. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

const errorCode = (answer: string) =>
  (JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: { code: string } }).error.code;

describe('regressions found by the fuzzer', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers oversized headers with a JSON 431 in the API error shape', async () => {
    const answer = await raw(
      server.server.port,
      `GET /api/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-Match: ${'h'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1.1 431 /);
    expect(errorCode(answer)).toBe('headers_too_large');
  });

  it('answers a HEAD with oversized headers without a body the client would misread', async () => {
    const answer = await raw(
      server.server.port,
      `HEAD /api/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-Match: ${'h'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1.1 431 /);
    expect(answer.endsWith('\r\n\r\n')).toBe(true);
  });

  it('answers a malformed request line with a JSON 400', async () => {
    const answer = await raw(server.server.port, 'GARBAGE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1.1 400 /);
    expect(errorCode(answer)).toBe('bad_request');
  });

  it('answers a badly percent-encoded path with a JSON 400', async () => {
    const res = await server.api('/api/tasks/%/deliverables');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
  });

  it('refuses JSON nested thousands deep with a 400 instead of overflowing the stack (was a 500)', async () => {
    const task = server.core.tasks.create({ title: 'deep' });
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const activity = (n: number) => `{"activity_type":"updated","message":"m","metadata":{"a":${deep(n)}}}`;
    const post = (body: string, headers: Record<string, string> = {}) =>
      server.api(`/api/tasks/${task.id}/activities`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...headers },
      });
    for (const res of [
      await post(activity(3000)),
      await post(activity(5000), { 'idempotency-key': 'deep' }),
    ]) {
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_deep');
    }
    expect((await post(activity(60))).status).toBe(201);
  });

  it('does not hang a HEAD on the event stream open (it used to get no answer and hold a stream)', async () => {
    const answer = await raw(
      server.server.port,
      `HEAD /api/events/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TEST_TOKEN}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1.1 404 /);
    expect(server.server.hub.size).toBe(0);
  });
});
