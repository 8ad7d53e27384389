// Stream caps per credential: the owner token (every local agent) 1,000, each device token 32, 10,000 in all.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, TEST_TOKEN, type TestServer, until } from '../testing/harness.ts';

let server: TestServer | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await server?.close();
  server = undefined;
});

interface Answer {
  status: number;
  /** The 429's JSON error; null for an admitted stream (only its status line is read). */
  error: { code: string; message: string } | null;
}

/** GET /api/events/stream on a raw socket: no client library, so a thousand of them cost little. */
function openStream(token: string): Promise<Answer> {
  const port = server?.server.port ?? 0;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    let text = '';
    socket.setEncoding('utf8');
    socket.once('error', reject);
    socket.once('connect', () =>
      socket.write(
        `GET /api/events/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n\r\n`,
      ),
    );
    socket.on('data', (chunk: string) => {
      text += chunk;
      const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(text)?.[1]);
      if (!status) return;
      if (status === 200) {
        socket.removeAllListeners('data');
        return resolve({ status, error: null });
      }
      // A refusal is a small JSON body with a content-length: wait for all of it.
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(head)?.[1]);
      if (Buffer.byteLength(body) < length) return;
      socket.destroy();
      resolve({ status, error: (JSON.parse(body) as { error: Answer['error'] }).error });
    });
  });
}

/** `count` streams, 100 connecting at a time (the listen backlog drops a larger burst). */
async function openMany(token: string, count: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let done = 0; done < count; done += 100) {
    const batch = Array.from({ length: Math.min(100, count - done) }, () => openStream(token));
    answers.push(...(await Promise.all(batch)));
  }
  return answers;
}

async function deviceToken(s: TestServer, name: string): Promise<string> {
  const res = await s.api('/api/devices', { method: 'POST', json: { name, scope: 'read' } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

const closeAll = async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  const hub = server?.server.hub;
  await until(() => hub?.size === 0);
};

describe('stream limits per credential', () => {
  it('lets the owner token hold 1,000 streams from one address and names the limit on the 1,001st', async () => {
    server = await startTestServer();
    const started = Date.now();
    const answers = await openMany(TEST_TOKEN, 1000);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1000);
    expect(server.server.hub.size).toBe(1000);
    const refused = await openStream(TEST_TOKEN);
    expect(refused.status).toBe(429);
    expect(refused.error?.code).toBe('too_many_streams');
    expect(refused.error?.message).toMatch(/owner token already holds 1000 open event streams/);
    expect(refused.error?.message).toMatch(/--max-streams N \(or MISSION_CONTROL_MAX_STREAMS\)/);
    await closeAll();
    // Admitted again once they closed.
    expect((await openStream(TEST_TOKEN)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 20_000);

  it('caps each device token at 32 while the owner and other devices can still open more', async () => {
    server = await startTestServer();
    const phone = await deviceToken(server, 'phone');
    const laptop = await deviceToken(server, 'laptop');
    const answers = await openMany(phone, 32);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const refused = await openStream(phone);
    expect(refused.status).toBe(429);
    expect(refused.error?.code).toBe('too_many_streams');
    expect(refused.error?.message).toMatch(/device token already holds 32 open event streams/);
    expect((await openStream(TEST_TOKEN)).status).toBe(200);
    expect((await openStream(laptop)).status).toBe(200);
    // One of the phone's streams ends: the phone is admitted again.
    sockets[0]?.destroy();
    await until(() => server?.server.hub.size === 33);
    expect((await openStream(phone)).status).toBe(200);
  });

  it('caps the streams in all, whoever holds them', async () => {
    server = await startTestServer({ sse: { maxStreams: 4 } });
    const phone = await deviceToken(server, 'phone');
    expect((await openMany(TEST_TOKEN, 2)).map((a) => a.status)).toEqual([200, 200]);
    expect((await openMany(phone, 2)).map((a) => a.status)).toEqual([200, 200]);
    for (const token of [TEST_TOKEN, phone]) {
      const refused = await openStream(token);
      expect(refused.status).toBe(429);
      expect(refused.error?.message).toMatch(/server already holds 4 open event streams, its limit in all/);
    }
    await closeAll();
    expect((await openStream(phone)).status).toBe(200);
  });

  it('takes the owner cap from the options', async () => {
    server = await startTestServer({ sse: { maxOwnerStreams: 3 } });
    const statuses = (await openMany(TEST_TOKEN, 4)).map((a) => a.status);
    expect(statuses.toSorted()).toEqual([200, 200, 200, 429]);
  });
});
