import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../core/testing/harness.ts';

vi.mock('electron', () => import('./testing/fake-electron.ts'));
const fake = await import('./testing/fake-electron.ts');
const { DESKTOP_CSP, registerAppScheme, rendererHandler } = await import('./protocol.ts');

let dir: ReturnType<typeof tempDir>;
let handle: (request: Request) => Promise<Response>;
beforeAll(() => {
  dir = tempDir();
  const root = join(dir.dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>MC</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir.dir, 'secret.txt'), 'outside the renderer');
  handle = rendererHandler(root);
});
afterAll(() => dir.cleanup());

describe('app:// renderer protocol', () => {
  it('registers a standard, secure scheme before ready', () => {
    fake.resetFakeElectron();
    registerAppScheme();
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the bundle with the strict CSP and the right types', async () => {
    const page = await handle(new Request('app://mission-control/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(DESKTOP_CSP);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>MC</title>');
    const script = await handle(new Request('app://mission-control/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handle(new Request('app://mission-control/'))).status).toBe(200);
  });

  it('never serves outside the renderer folder, another host, or a write', async () => {
    for (const url of [
      'app://mission-control/../secret.txt',
      'app://mission-control/%2e%2e/secret.txt',
      'app://mission-control/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://mission-control/missing.js',
      'app://other-host/index.html',
    ]) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
    }
    const post = await handle(new Request('app://mission-control/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(404);
  });

  it('the CSP allows no remote code, frames, plugins or base rewrites', () => {
    const rules = Object.fromEntries(
      DESKTOP_CSP.split('; ').map((r) => [r.split(' ')[0], r.split(' ').slice(1)]),
    );
    expect(rules['default-src']).toEqual(["'none'"]);
    expect(rules['script-src']).toEqual(["'self'"]);
    expect(rules['object-src']).toEqual(["'none'"]);
    expect(rules['frame-ancestors']).toEqual(["'none'"]);
    expect(rules['base-uri']).toEqual(["'none'"]);
    expect(DESKTOP_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
