// The web UI folder is the only thing served: no path trick reaches a file beside it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, tempDir } from '../testing/harness.ts';

const SECRET = 'SECRET-beside-the-web-root';

/** Raw request line: fetch and inject would normalise the very paths under test. */
function rawGet(port: number, path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
    );
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
    });
    socket.on('close', () => resolve({ status: Number(text.slice(9, 12)), text }));
    socket.on('error', reject);
  });
}

describe('static files', () => {
  const temp = tempDir('mc-webroot-');
  let server: TestServer;
  beforeAll(async () => {
    const webRoot = join(temp.dir, 'web');
    mkdirSync(join(webRoot, 'assets'), { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>board</title>');
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(temp.dir, 'secret.txt'), SECRET);
    writeFileSync(join(temp.dir, 'web-secret.txt'), SECRET); // a sibling whose name starts like the root
    server = await startTestServer({ webRoot });
  });
  afterAll(async () => {
    await server.close();
    temp.cleanup();
  });

  it('serves the web root', async () => {
    expect((await rawGet(server.server.port, '/assets/app.js')).text).toContain('console.log(1)');
  });

  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '//secret.txt',
    '/../web-secret.txt',
    '/%2e%2e/web-secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '/..%00/secret.txt',
  ])('never answers %s with the file beside the web root', async (path) => {
    const { status, text } = await rawGet(server.server.port, path);
    expect(text).not.toContain(SECRET);
    expect(status === 200 ? text : 'error').toMatch(/<title>board<\/title>|error/);
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(500);
  });
});
