// GET /api/deliverables/:id/preview: what each file kind previews as, and every refusal (device
// tokens, directories, missing and oversized files, symlinks to anything but a small regular file).
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_MAX_BYTES } from '../../shared/search.ts';
import { startTestServer, type TestServer, tempDir } from '../testing/harness.ts';

let s: TestServer;
let files: ReturnType<typeof tempDir>;
let taskId: string;
beforeAll(async () => {
  s = await startTestServer();
  files = tempDir('mc-preview-');
  const res = await s.api('/api/tasks', { method: 'POST', json: { title: 'Previews' } });
  taskId = ((await res.json()) as { id: string }).id;
});
afterAll(async () => {
  await s.close();
  files.cleanup();
});

// biome-ignore lint/suspicious/noExplicitAny: answers are asserted field by field
type Json = any;
async function deliverable(path: string | null, deliverable_type = 'file'): Promise<string> {
  const res = await s.api(`/api/tasks/${taskId}/deliverables`, {
    method: 'POST',
    json: { deliverable_type, title: 'a file', path },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
const file = (name: string, content: string | Buffer) => {
  const path = join(files.dir, name);
  writeFileSync(path, content);
  return path;
};
async function preview(path: string | null, type?: string, token?: string) {
  const id = await deliverable(path, type);
  const res = await s.api(`/api/deliverables/${id}/preview`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, body: (await res.json()) as Json };
}
const refusal = async (path: string | null, type?: string) => {
  const { status, body } = await preview(path, type);
  return [status, body.error?.code];
};

describe('deliverable previews', () => {
  it('previews Markdown, JSON, text, HTML as text, and images as data URLs', async () => {
    const md = '# Report\n\n<img src=x onerror=alert(1)>\n';
    expect(await preview(file('report.md', md))).toEqual({
      status: 200,
      body: { kind: 'markdown', mime: 'text/markdown', size: md.length, content: md },
    });
    expect((await preview(file('data.json', '{"a":[1,2]}'))).body).toMatchObject({
      kind: 'json',
      content: '{"a":[1,2]}',
    });
    expect((await preview(file('broken.json', '{"a":'))).body).toMatchObject({
      kind: 'text',
      content: '{"a":',
    });
    expect((await preview(file('notes.txt', 'plain words'))).body).toMatchObject({
      kind: 'text',
      mime: 'text/plain',
      content: 'plain words',
    });
    expect((await preview(file('page.html', '<script>x()</script>'))).body).toMatchObject({
      kind: 'text',
      mime: 'text/plain',
    });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await preview(file('pixel.png', png))).body).toEqual({
      kind: 'image',
      mime: 'image/png',
      size: png.length,
      data_url: `data:image/png;base64,${png.toString('base64')}`,
    });
  });

  it('takes a file of exactly 1 MB (also as a file:// URL) and a symlink to a small regular file', async () => {
    const full = file('full.txt', 'a'.repeat(PREVIEW_MAX_BYTES));
    expect((await preview(full)).body).toMatchObject({ kind: 'text', size: PREVIEW_MAX_BYTES });
    expect((await preview(`file://${full}`)).body).toMatchObject({ kind: 'text', size: PREVIEW_MAX_BYTES });
    const target = file('target.md', '# linked');
    const link = join(files.dir, 'link.md');
    symlinkSync(target, link);
    expect((await preview(link)).body).toMatchObject({ kind: 'markdown', content: '# linked' });
  });

  it('refuses device tokens (403), read-only or read-write, which may still search', async () => {
    const path = file('secret.txt', 'owner eyes only');
    for (const scope of ['read', 'write']) {
      const issued = await s.api('/api/devices', { method: 'POST', json: { name: scope, scope } });
      const { token } = (await issued.json()) as { token: string };
      const { status, body } = await preview(path, 'file', token);
      expect([scope, status, body.content]).toEqual([scope, 403, undefined]);
      // Search is theirs to use, though (read access).
      const found = await s.api('/api/search?q=previews', { headers: { authorization: `Bearer ${token}` } });
      expect([scope, found.status]).toEqual([scope, 200]);
    }
  });

  it('refuses directories, missing and oversized files, and non-file deliverables with clear 4xx', async () => {
    mkdirSync(join(files.dir, 'folder'));
    expect(await refusal(join(files.dir, 'folder'))).toEqual([422, 'unprocessable']);
    expect(await refusal(join(files.dir, 'nope.txt'))).toEqual([404, 'not_found']);
    expect(await refusal(join(files.dir, 'notes.txt', 'below'))).toEqual([404, 'not_found']);
    expect(await refusal(file('big.txt', 'a'.repeat(PREVIEW_MAX_BYTES + 1)))).toEqual([413, 'too_large']);
    expect(await refusal('relative/path.txt')).toEqual([422, 'unprocessable']);
    expect(await refusal(file('blob.bin', Buffer.from([0, 1, 2, 255, 254])))).toEqual([422, 'unprocessable']);
    expect(await refusal('https://example.com/report.md', 'url')).toEqual([422, 'unprocessable']);
    expect(await refusal(null, 'artifact')).toEqual([422, 'unprocessable']);
    expect(await refusal('/dev/zero')).toEqual([422, 'unprocessable']);
    const res = await s.api('/api/deliverables/nope/preview');
    expect(res.status).toBe(404);
  });

  it('follows a symlink only to a regular file of at most 1 MB', async () => {
    const link = (name: string, target: string) => {
      const path = join(files.dir, name);
      symlinkSync(target, path);
      return path;
    };
    mkdirSync(join(files.dir, 'linked-dir'));
    expect(await refusal(link('to-dir', join(files.dir, 'linked-dir')))).toEqual([422, 'unprocessable']);
    const big = file('big2.txt', 'b'.repeat(PREVIEW_MAX_BYTES + 10));
    expect(await refusal(link('to-big.txt', big))).toEqual([413, 'too_large']);
    expect(await refusal(link('dangling.txt', join(files.dir, 'gone.txt')))).toEqual([404, 'not_found']);
    expect(await refusal(link('to-dev', '/dev/zero'))).toEqual([422, 'unprocessable']);
    // A FIFO would block a plain open() until a writer came; it is refused at once.
    const fifo = join(files.dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(await refusal(link('to-fifo.txt', fifo))).toEqual([422, 'unprocessable']);
  });
});
