// The desktop build of the board (out/renderer) in Chromium, served with the desktop CSP exactly as
// the app:// handler serves it, with `window.missionControl` backed by a real core through the same
// command handlers and replay rule main uses. Proves the board runs on the IpcBackend under the
// strict CSP without an Electron binary; app.spec.ts covers the real app where one exists.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type Core, createCore } from '../../src/core/core.ts';
import { toAnswer } from '../../src/core/errors.ts';
import { type RunningServer, startServer } from '../../src/core/server.ts';
import { eventsAfter } from '../../src/main/event-replay.ts';
import { APP_ORIGIN, DESKTOP_CSP, rendererHandler } from '../../src/main/renderer-files.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PAGE_ORIGIN = 'http://mission-control.test';

let core: Core;
let server: RunningServer;
let dataDir: string;

test.beforeAll(() => {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
});
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'mc-desktop-renderer-'));
  core = createCore({ dataDir });
});
test.beforeEach(async () => {
  server = await startServer({ core, token: 'owner-token-0123456789', host: '127.0.0.1', port: 0 });
});
test.afterEach(async () => {
  await server.close();
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the desktop board runs on the IPC bridge under the strict CSP and follows live events', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));

  // Files come from the same handler main registers for app://, CSP header included.
  const serve = rendererHandler(join(ROOT, 'out', 'renderer'));
  await page.route(`${PAGE_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const answer = await serve(new Request(`${APP_ORIGIN}${url.pathname}`));
    await route.fulfill({
      status: answer.status,
      headers: Object.fromEntries(answer.headers),
      body: Buffer.from(await answer.arrayBuffer()),
    });
  });

  // Main's side of the bridge: validated commands, replay with the reset rule, pushed events.
  await page.exposeFunction('__mcInvoke', async (command: never, input: unknown) => {
    try {
      return { ok: true, value: await core.run(command, input) };
    } catch (error) {
      const { status, body } = toAnswer(error);
      return { ok: false, status, error: body.error };
    }
  });
  await page.exposeFunction('__mcEventsAfter', (id: number) => eventsAfter(core.events, id));
  await page.addInitScript(() => {
    const host = globalThis as unknown as Record<string, (...args: unknown[]) => unknown>;
    const listeners = new Set<(event: unknown) => void>();
    host.__mcPush = (event) => {
      for (const listener of listeners) listener(event);
    };
    Object.defineProperty(globalThis, 'missionControl', {
      value: Object.freeze({
        invoke: (command: unknown, input: unknown) => host.__mcInvoke?.(command, input),
        onEvent: (listener: (event: unknown) => void) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        eventsAfter: (id: unknown) => host.__mcEventsAfter?.(id),
        info: async () => ({ version: 'test', apiUrl: 'http://127.0.0.1:4000' }),
        openDeliverable: async () => ({ ok: true, value: 'revealed-file' }),
        onOpenTask: (listener: (id: string) => void) => {
          host.__mcOpenTask = (id) => listener(id as string);
          return () => {};
        },
      }),
    });
  });
  const before = core.tasks.create({ title: 'Already on the board' });
  const response = await page.goto(`${PAGE_ORIGIN}/index.html`);
  // Like webContents.send: pushed from now on; what came before arrives by replay.
  const unsubscribe = core.bus.subscribe((event) => {
    void page
      .evaluate((e) => (globalThis as unknown as { __mcPush(e: unknown): void }).__mcPush(e), event)
      .catch(() => {});
  });
  expect(response?.headers()['content-security-policy']).toBe(DESKTOP_CSP);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(page.getByText(before.title)).toBeVisible();

  // An agent's write (here straight into the core, as the HTTP API would) appears live.
  core.tasks.create({ title: 'Created while the board is open' });
  await expect(page.getByText('Created while the board is open')).toBeVisible();
  core.tasks.update(before.id, { title: 'Renamed live' });
  await expect(page.getByText('Renamed live')).toBeVisible();

  // A clicked notification: main sends mc:open-task, the board opens that task's modal.
  await page.evaluate(
    (id) => (globalThis as unknown as { __mcOpenTask(id: string): void }).__mcOpenTask(id),
    before.id,
  );
  await expect(page.getByRole('dialog', { name: 'Renamed live' })).toBeVisible();

  unsubscribe();
  expect(problems).toEqual([]);
});
