// The ceiling: a bare node:http server that parses JSON and answers 201 (echo), or fans out
// pre-serialised SSE frames to every open stream (broadcast). Nothing else: no auth, no database.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveIpc } from './ipc.ts';

const streams = new Set<http.ServerResponse>();
let nextId = 0;

function readJson(req: http.IncomingMessage, done: (value: unknown) => void): void {
  let text = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    text += chunk;
  });
  req.on('end', () => done(JSON.parse(text)));
}

function answer(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

const server = http.createServer((req, res) => {
  if (req.url === '/api/health') return answer(res, 200, '{"ok":true}');
  if (req.url === '/stream') {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    res.socket?.setNoDelay(true);
    res.write('retry: 2000\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
    return;
  }
  if (req.method === 'POST' && req.url === '/publish') {
    return readJson(req, (value) => {
      const payload = JSON.stringify(value);
      const frame = `id: ${++nextId}\ndata: {"type":"task_created","payload":${payload}}\n\n`;
      for (const stream of streams) stream.write(frame);
      answer(res, 201, payload);
    });
  }
  if (req.method === 'POST' || req.method === 'PATCH')
    return readJson(req, (value) => answer(res, 201, JSON.stringify(value)));
  answer(res, 404, '{}');
});

server.listen(0, '127.0.0.1', () => {
  serveIpc(
    (server.address() as AddressInfo).port,
    '',
    () => streams.size,
    async () => {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      server.close();
    },
  );
});
