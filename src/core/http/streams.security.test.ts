// Event streams under abuse: clients that stop reading, clients that vanish (the caps: stream-limits.test.ts).
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SseReader, startTestServer, TEST_TOKEN, type TestServer, until } from '../testing/harness.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('vanishing clients', () => {
  it('are removed from the hub as soon as they disconnect mid-stream', async () => {
    server = await startTestServer();
    const readers = await Promise.all(
      Array.from({ length: 10 }, () => SseReader.open(`${server?.url}/api/events/stream`)),
    );
    const hub = server.server.hub;
    expect(hub.size).toBe(10);
    server.core.tasks.create({ title: 'mid-stream' });
    await Promise.all(readers.map((r) => r.untilEvents(1)));
    for (const r of readers) r.close();
    await until(() => hub.size === 0);
  });
});

describe('a client that stops reading', () => {
  it('is dropped past maxBufferBytes without delaying the others, and resumes by replay', async () => {
    const maxBufferBytes = 256 * 1024;
    server = await startTestServer({ sse: { maxBufferBytes } });
    const hub = server.server.hub;
    // A raw socket that sends the request and then never reads a byte.
    const stalled = connect(server.server.port, '127.0.0.1');
    stalled.on('error', () => {});
    await new Promise<void>((resolve) => stalled.once('connect', () => resolve()));
    stalled.write(
      `GET /api/events/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n\r\n`,
    );
    stalled.pause();
    const healthy = await SseReader.open(`${server.url}/api/events/stream`);
    await until(() => hub.size === 2);

    // ~40 MB of events: far more than the kernel's socket buffers and the hub's bound together.
    const description = 'd'.repeat(19_000);
    const delays: number[] = [];
    const created: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const task = server.core.tasks.create({ title: `big ${i}`, description });
      created.push(task.id);
      // Bursts stay under the bound: a healthy reader drains between them, as between HTTP writes.
      if (i % 5 === 4) {
        const started = Date.now();
        await healthy.until((r) => r.events.length === created.length, 5000);
        delays.push(Date.now() - started);
      }
    }
    await healthy.untilEvents(created.length, 10_000);

    expect(hub.dropped).toBe(1);
    expect(hub.size).toBe(1);
    // The healthy reader got everything, in order, and was never held back by the stalled one.
    expect(healthy.events.map((e) => (e.payload as { id: string }).id)).toEqual(created);
    expect(Math.max(...delays)).toBeLessThan(1000);
    stalled.destroy();

    // The dropped client comes back with the last id it had and gets the rest by replay.
    const resumed = await SseReader.open(`${server.url}/api/events/stream`, { 'last-event-id': '0' });
    await resumed.untilEvents(created.length, 10_000);
    expect(resumed.events.map((e) => e.id)).toEqual(healthy.events.map((e) => e.id));
    resumed.close();
    healthy.close();
  }, 30_000);
});
