import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../core/testing/harness.ts';

vi.mock('electron', () => import('./testing/fake-electron.ts'));
const fake = await import('./testing/fake-electron.ts');
const { openDeliverable, OpenRefused } = await import('./deliverables-open.ts');

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  fake.resetFakeElectron();
  dir = tempDir();
});
afterEach(() => dir.cleanup());

const url = (path: string) => ({ deliverable_type: 'url' as const, path });
const file = (path: string | null) => ({ deliverable_type: 'file' as const, path });
const nothingHappened = () => {
  expect(fake.shell.opened).toEqual([]);
  expect(fake.shell.revealed).toEqual([]);
  expect(fake.shell.executed).toEqual([]);
};

describe('deliverable open', () => {
  it('opens http and https links in the OS browser', () => {
    expect(openDeliverable(url('https://example.com/pr/1'))).toBe('opened-url');
    expect(openDeliverable(file('http://localhost:3000/preview'))).toBe('opened-url');
    expect(fake.shell.opened).toEqual(['https://example.com/pr/1', 'http://localhost:3000/preview']);
  });

  it('refuses file:, javascript: and other schemes, whatever the type says', () => {
    const script = join(dir.dir, 'x.sh');
    writeFileSync(script, '#!/bin/sh\necho pwned\n', { mode: 0o755 });
    for (const path of [
      `file://${script}`,
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>1</script>',
      'smb://server/share',
      'vscode://file/etc/passwd',
    ]) {
      expect(() => openDeliverable(url(path))).toThrow(OpenRefused);
      expect(() => openDeliverable(file(path))).toThrow(OpenRefused);
    }
    nothingHappened();
  });

  it('only reveals an existing file in its folder, never runs it', () => {
    const script = join(dir.dir, 'x.sh');
    writeFileSync(script, '#!/bin/sh\necho pwned\n', { mode: 0o755 });
    expect(openDeliverable(file(script))).toBe('revealed-file');
    expect(fake.shell.revealed).toEqual([script]);
    expect(fake.shell.executed).toEqual([]);
    expect(fake.shell.opened).toEqual([]);
  });

  it('refuses missing, relative and empty paths, and a url deliverable holding a path', () => {
    expect(() => openDeliverable(file(join(dir.dir, 'missing.txt')))).toThrow(/does not exist/);
    expect(() => openDeliverable(file('reports/out.md'))).toThrow(/not absolute/);
    expect(() => openDeliverable(file(null))).toThrow(/no path/);
    expect(() => openDeliverable(file('   '))).toThrow(/no path/);
    expect(() => openDeliverable(url(dir.dir))).toThrow(/Only http and https/);
    nothingHappened();
  });
});
