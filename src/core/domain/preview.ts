// Previews of file deliverables, read from the owner's disk (CONTROL_LOOP.md §6): at most 1 MB,
// regular files only. The file is opened first and its *descriptor* examined, so a symlink counts
// for what it points at and nothing can be swapped between the check and the read. O_NONBLOCK keeps
// a FIFO from hanging the open. Text comes back as text whatever its extension says; HTML is plain
// text too (the UI never renders it). URL deliverables are never fetched.
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { homedir } from 'node:os';
import { extname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DeliverablePreview, PREVIEW_MAX_BYTES, type PreviewKind } from '../../shared/search.ts';
import { DomainError, notFound, unprocessable } from './errors.ts';
import type { Transactions } from './transactions.ts';

const IMAGES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  // Shown through <img>, where an SVG's scripts do not run.
  '.svg': 'image/svg+xml',
};
const TEXTS: Record<string, [PreviewKind, string]> = {
  '.md': ['markdown', 'text/markdown'],
  '.markdown': ['markdown', 'text/markdown'],
  '.json': ['json', 'application/json'],
};

const tooLarge = (size: number) =>
  new DomainError('too_large', `the file is larger than ${PREVIEW_MAX_BYTES} bytes (${size})`, {
    size,
    max: PREVIEW_MAX_BYTES,
  });

/** The whole file, or a too_large error if it has grown past the limit since it was measured. */
async function readAll(file: FileHandle): Promise<Buffer> {
  const buffer = Buffer.alloc(PREVIEW_MAX_BYTES + 1);
  let length = 0;
  while (length < buffer.length) {
    const { bytesRead } = await file.read(buffer, length, buffer.length - length, length);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  if (length > PREVIEW_MAX_BYTES) throw tooLarge(length);
  return buffer.subarray(0, length);
}

function resolvePath(path: string): string {
  if (path.startsWith('file://')) {
    try {
      return fileURLToPath(path);
    } catch {
      throw unprocessable(`not a local file URL: ${path}`);
    }
  }
  const expanded = path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
  if (!isAbsolute(expanded)) throw unprocessable(`the deliverable's path is not absolute: ${path}`);
  return expanded;
}

async function openFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw notFound('file', path);
    if (code === 'EACCES' || code === 'EPERM') throw unprocessable(`the file cannot be read: ${path}`);
    if (code === 'ELOOP') throw unprocessable(`too many symbolic links: ${path}`);
    throw error;
  }
}

export async function previewFile(path: string): Promise<DeliverablePreview> {
  const file = await openFile(resolvePath(path));
  try {
    const stat = await file.stat();
    if (stat.isDirectory()) throw unprocessable(`the path is a directory: ${path}`);
    if (!stat.isFile()) throw unprocessable(`the path is not a regular file: ${path}`);
    if (stat.size > PREVIEW_MAX_BYTES) throw tooLarge(stat.size);
    const bytes = await readAll(file);
    const ext = extname(path).toLowerCase();
    const image = IMAGES[ext];
    if (image)
      return {
        kind: 'image',
        mime: image,
        size: bytes.length,
        data_url: `data:${image};base64,${bytes.toString('base64')}`,
      };
    let content: string;
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw unprocessable(`the file is neither text nor a known image type: ${path}`);
    }
    if (content.includes('\u0000')) throw unprocessable(`the file is binary: ${path}`);
    const [kind, mime] = TEXTS[ext] ?? ['text', 'text/plain'];
    if (kind === 'json') {
      try {
        JSON.parse(content);
      } catch {
        return { kind: 'text', mime: 'text/plain', size: bytes.length, content };
      }
    }
    return { kind, mime, size: bytes.length, content };
  } finally {
    await file.close();
  }
}

export function createPreviews(tx: Transactions) {
  const byId = tx.db.prepare<[string], { deliverable_type: string; path: string | null }>(
    'SELECT deliverable_type, path FROM task_deliverables WHERE id = ?',
  );
  return {
    /** Owner only (the operation's access): reads the owner's disk. */
    async preview(id: string): Promise<DeliverablePreview> {
      const row = byId.get(id);
      if (!row) throw notFound('deliverable', id);
      if (row.deliverable_type !== 'file' || !row.path)
        throw unprocessable(`only file deliverables have a preview; this one is a ${row.deliverable_type}`);
      return previewFile(row.path);
    },
  };
}

export type Previews = ReturnType<typeof createPreviews>;
