// The stream's bytes on the wire: live frames are written to the socket as ready-made HTTP/1.1 chunks
// (encoded once for every client), so the framing is checked here byte by byte, mixed with what
// `res.write` frames itself (the retry line, pings), and without chunks for an HTTP/1.0 client.
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

/** Opens the stream over a bare socket; `bytes()` is everything received so far. */
function rawStream(port: number, version: '1.0' | '1.1') {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  const received: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  socket.write(
    `GET /api/events/stream HTTP/${version}\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n\r\n`,
  );
  return { bytes: () => Buffer.concat(received) };
}

/** Splits a response into its head and body. */
function split(bytes: Buffer): { head: string; body: Buffer } {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return { head: '', body: Buffer.alloc(0) };
  return { head: bytes.subarray(0, end).toString('latin1'), body: bytes.subarray(end + 4) };
}

/** Decodes a chunked body strictly: every chunk's size line, exact length and CRLF, or it throws. */
function dechunk(body: Buffer): { text: string; chunks: number } {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const line = body.indexOf('\r\n', at);
    if (line < 0) break; // a chunk still on its way
    const size = body.subarray(at, line).toString('latin1');
    if (!/^[0-9a-f]+$/.test(size)) throw new Error(`bad chunk size ${JSON.stringify(size)} at ${at}`);
    const start = line + 2;
    const end = start + Number.parseInt(size, 16);
    if (end + 2 > body.length) break;
    if (body.subarray(end, end + 2).toString('latin1') !== '\r\n')
      throw new Error(`chunk at ${at} not closed`);
    parts.push(body.subarray(start, end));
    at = end + 2;
  }
  return { text: Buffer.concat(parts).toString('utf8'), chunks: parts.length };
}

const TITLES = ['plain', 'ünïcödé — multi-byte', 'x'.repeat(500)];
/** A frame larger than one socket read, so a chunk arrives in pieces. */
const LONG = 'é'.repeat(10_000);

describe('event stream on the wire', () => {
  it('sends live frames as well-formed HTTP/1.1 chunks among pings, with multi-byte text intact', async () => {
    server = await startTestServer({ sse: { pingMs: 20 } });
    const stream = rawStream(server.server.port, '1.1');
    await until(() => split(stream.bytes()).head.includes('200'), 'the head');
    expect(split(stream.bytes()).head.toLowerCase()).toContain('transfer-encoding: chunked');
    for (const title of TITLES) {
      const res = await server.api('/api/tasks', { method: 'POST', json: { title, description: LONG } });
      expect(res.status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 25)); // let a ping fall between frames
    }
    await until(() => dechunk(split(stream.bytes()).body).text.includes('x'.repeat(500)), 'the frames');
    const { text, chunks } = dechunk(split(stream.bytes()).body);
    expect(text.startsWith('retry: ')).toBe(true);
    expect(text).toContain(': ping\n\n');
    const created = [...text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1] as string));
    expect(created.map((event) => event.payload.title)).toEqual(TITLES);
    expect(created.every((event) => event.payload.description === LONG)).toBe(true);
    expect(chunks).toBeGreaterThan(TITLES.length + 1);
  });

  it('sends the same frames unchunked to an HTTP/1.0 client', async () => {
    server = await startTestServer();
    const stream = rawStream(server.server.port, '1.0');
    await until(() => split(stream.bytes()).head.includes('200'), 'the head');
    expect(split(stream.bytes()).head.toLowerCase()).not.toContain('transfer-encoding');
    for (const title of TITLES) {
      const res = await server.api('/api/tasks', { method: 'POST', json: { title, description: LONG } });
      expect(res.status).toBe(201);
    }
    await until(() => split(stream.bytes()).body.toString('utf8').includes('x'.repeat(500)), 'the frames');
    const text = split(stream.bytes()).body.toString('utf8');
    expect(text.startsWith('retry: ')).toBe(true);
    const created = [...text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1] as string));
    expect(created.map((event) => event.payload.title)).toEqual(TITLES);
  });
});
