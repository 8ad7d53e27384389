// The real desktop app under Playwright's _electron: the window opens on the board, a task created
// through the agent API appears in it (IPC push), and the tray count follows sub-agent sessions.
// Skips, saying why, where no Electron binary exists (this machine kind cannot download one).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, expect, type Page, test } from '@playwright/test';
// @ts-expect-error plain .mjs script without types
import { electronBinary, hasDisplay } from '../../scripts/start.mjs';
import type { MissionControlBridge } from '../../src/shared/ipc.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const binary: string | null = electronBinary(ROOT);
if (!binary) console.warn('tests/electron: skipped, no Electron binary in node_modules/electron/dist');

test.skip(
  !binary,
  'No Electron binary in node_modules/electron/dist (none can be downloaded on this machine). ' +
    'Where the network allows: `node node_modules/electron/install.js`, then rerun.',
);
test.skip(!hasDisplay(), 'No display: run under `xvfb-run -a npx playwright test -c tests/electron`.');

/** What the page's global object may hold (the node tsconfig has no DOM types). */
type Renderer = { missionControl?: MissionControlBridge; require?: unknown; process?: unknown };

let app: ElectronApplication;
let board: Page;
let dataDir: string;
let api: (method: string, path: string, body?: unknown) => Promise<Response>;

test.beforeAll(async () => {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  dataDir = mkdtempSync(join(tmpdir(), 'mc-electron-'));
  app = await _electron.launch({
    executablePath: binary as string,
    args: [ROOT, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
    env: {
      ...process.env,
      MISSION_CONTROL_DATA_DIR: dataDir,
      MISSION_CONTROL_PORT: '0',
      MISSION_CONTROL_TEST_HOOKS: '1',
    },
  });
  board = await app.firstWindow();
  const info = await board.evaluate(() => (globalThis as unknown as Renderer).missionControl?.info());
  const token = readFileSync(join(dataDir, 'token'), 'utf8').trim();
  api = (method, path, body) =>
    fetch(`${info?.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir && existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
});

const trayCount = () =>
  app.evaluate(() =>
    (globalThis as { __missionControlTest?: { trayCount(): number } }).__missionControlTest?.trayCount(),
  );

test('the window opens on the board from app://, sandboxed, with the bridge only', async () => {
  expect(board.url()).toBe('app://mission-control/index.html');
  await expect(board.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  const exposed = await board.evaluate(() => {
    const page = globalThis as unknown as Renderer;
    return { bridge: typeof page.missionControl, require: typeof page.require, process: typeof page.process };
  });
  expect(exposed).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });
});

test('a task created through the agent API appears on the board', async () => {
  const response = await api('POST', '/api/tasks', { title: 'Created by an agent over HTTP' });
  expect(response.status).toBe(201);
  await expect(board.getByText('Created by an agent over HTTP')).toBeVisible();
});

test('the tray count follows sub-agent sessions', async () => {
  const task = (await (await api('POST', '/api/tasks', { title: 'Has sub-agents' })).json()) as {
    id: string;
  };
  expect(await trayCount()).toBe(0);
  const a = await api('POST', `/api/tasks/${task.id}/subagent`, {
    openclaw_session_id: 'e2e-1',
    agent_name: 'one',
  });
  await api('POST', `/api/tasks/${task.id}/subagent`, { openclaw_session_id: 'e2e-2', agent_name: 'two' });
  await expect.poll(trayCount).toBe(2);
  const session = (await a.json()) as { id: string };
  await api('PATCH', `/api/openclaw/sessions/${session.id}`, { status: 'completed' });
  await expect.poll(trayCount).toBe(1);
});
