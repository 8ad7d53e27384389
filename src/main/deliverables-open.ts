// Deliverable "open": a URL goes to the OS browser (http/https only), a file is revealed in its
// folder after checking it exists. Nothing is ever executed or passed through a shell.
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { shell } from 'electron';
import type { Deliverable } from '../shared/entities.ts';
import type { OpenOutcome } from '../shared/ipc.ts';
import { openWebUrl } from './external.ts';

export class OpenRefused extends Error {
  readonly code = 'open_refused';
}

/** A scheme like `https:` or `javascript:`, but not a Windows drive letter (`C:\…`). */
const hasScheme = (value: string) => /^[a-z][a-z0-9+.-]+:/i.test(value);

export function openDeliverable(deliverable: Pick<Deliverable, 'path' | 'deliverable_type'>): OpenOutcome {
  const target = deliverable.path?.trim();
  if (!target) throw new OpenRefused('This deliverable has no path or URL to open');
  if (hasScheme(target)) {
    // file: URLs are refused too: a file is revealed from a plain path, never launched by URL.
    if (openWebUrl(target)) return 'opened-url';
    throw new OpenRefused('Only http and https links can be opened');
  }
  if (deliverable.deliverable_type === 'url')
    throw new OpenRefused('Only http and https links can be opened');
  if (!isAbsolute(target)) throw new OpenRefused(`The path is not absolute: ${target}`);
  if (!existsSync(target)) throw new OpenRefused(`The file does not exist: ${target}`);
  shell.showItemInFolder(target);
  return 'revealed-file';
}
