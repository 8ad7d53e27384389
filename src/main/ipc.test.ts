import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startServer } from '../core/server.ts';
import { tempDir, testCore } from '../core/testing/harness.ts';
import { IPC_CHANNELS } from '../shared/ipc.ts';

vi.mock('electron', () => import('./testing/fake-electron.ts'));
const fake = await import('./testing/fake-electron.ts');
const { registerIpc } = await import('./ipc.ts');

const ORIGIN = 'app://mission-control/index.html';
type Win = InstanceType<typeof fake.BrowserWindow>;

let t: ReturnType<typeof testCore>;
let win: Win;
let dispose: () => void;

beforeEach(() => {
  fake.resetFakeElectron();
  t = testCore();
  win = new fake.BrowserWindow({});
  void win.loadURL(ORIGIN);
  dispose = registerIpc({
    core: t.core,
    window: () => win as never,
    origin: ORIGIN,
    info: () => ({ version: '1.2.3', apiUrl: 'http://127.0.0.1:4000' }),
  });
});
afterEach(() => {
  dispose();
  t.close();
});

/** An invoke arriving from `frame` of `sender` (by default our window's main frame). */
const from = (sender = win.webContents, frame: { url: string } | null = sender.mainFrame) => ({
  sender,
  senderFrame: frame,
});
const invoke = (command: unknown, input: unknown, event: unknown = from()) =>
  fake.ipcMain.invoke(IPC_CHANNELS.invoke, event, command, input) as Promise<Record<string, unknown>>;

describe('IPC commands', () => {
  it('runs an allowed command and the write lands in the store', async () => {
    const result = await invoke('tasks.create', { title: 'Write the report' });
    expect(result).toMatchObject({ ok: true, value: { title: 'Write the report', status: 'inbox' } });
    expect(t.core.tasks.list().map((task) => task.title)).toEqual(['Write the report']);
  });

  it('validates input with the shared schemas and writes nothing on bad input', async () => {
    const result = await invoke('tasks.create', { title: '', status: 'bogus' });
    expect(result).toMatchObject({ ok: false, status: 400, error: { code: 'validation_failed' } });
    const extra = await invoke('tasks.delete', { id: 'x', sql: 'DROP TABLE tasks' });
    expect(extra).toMatchObject({ ok: false, status: 400 });
    expect(t.core.tasks.list()).toEqual([]);
  });

  it('refuses commands outside the allow-list', async () => {
    for (const name of ['db.exec', '__proto__', 'constructor', 42, null]) {
      expect(await invoke(name, {})).toMatchObject({
        ok: false,
        status: 400,
        error: { code: 'unknown_command' },
      });
    }
  });

  it('maps domain errors to the API codes', async () => {
    const result = await invoke('tasks.update', { id: 'missing', changes: { title: 'x' } });
    expect(result).toMatchObject({ ok: false, status: 404, error: { code: 'not_found' } });
  });
});

describe('server operations (remote.*, devices.*)', () => {
  it('runs them against the running server for our window, validated', async () => {
    const server = await startServer({
      core: t.core,
      token: 'owner-token-0123456789',
      host: '127.0.0.1',
      port: 0,
    });
    dispose();
    dispose = registerIpc({
      core: t.core,
      window: () => win as never,
      origin: ORIGIN,
      info: () => ({ version: '1.2.3', apiUrl: server.url }),
    });
    try {
      expect(await invoke('remote.status', {})).toMatchObject({ ok: true, value: { enabled: false } });
      const created = await invoke('devices.create', { name: 'Tablet' });
      expect(created).toMatchObject({ ok: true, value: { device: { name: 'Tablet' } } });
      expect(await invoke('devices.list', {})).toMatchObject({ ok: true, value: [{ name: 'Tablet' }] });
      expect(await invoke('remote.set', { enabled: 'yes' })).toMatchObject({ ok: false, status: 400 });
      expect(await invoke('devices.create', { name: 'x' }, from(win.webContents, null))).toMatchObject({
        ok: false,
        status: 403,
      });
    } finally {
      await server.close();
    }
  });

  it('answers 503 when the agent API could not start', async () => {
    expect(await invoke('remote.status', {})).toMatchObject({
      ok: false,
      status: 503,
      error: { code: 'server_unavailable' },
    });
  });
});

describe('sender checks', () => {
  it('refuses a subframe, another window, another origin and a gone frame', async () => {
    const other = new fake.BrowserWindow({});
    void other.loadURL(ORIGIN);
    const senders = [
      from(win.webContents, { url: ORIGIN }), // an iframe: not the main frame object
      from(other.webContents),
      from(win.webContents, null),
    ];
    for (const event of senders) {
      expect(await invoke('tasks.create', { title: 'sneaky' }, event)).toMatchObject({
        ok: false,
        status: 403,
        error: { code: 'forbidden' },
      });
    }
    win.webContents.mainFrame.url = 'https://evil.example/';
    expect(await invoke('tasks.create', { title: 'sneaky' })).toMatchObject({ ok: false, status: 403 });
    await expect(fake.ipcMain.invoke(IPC_CHANNELS.eventsAfter, from(), 0)).rejects.toThrow('forbidden');
    await expect(fake.ipcMain.invoke(IPC_CHANNELS.info, from())).rejects.toThrow('forbidden');
    expect(t.core.tasks.list()).toEqual([]);
  });

  it('refuses everything once the window is destroyed', async () => {
    win.destroy();
    expect(await invoke('snapshot', {})).toMatchObject({ ok: false, status: 403 });
  });
});

describe('event push and replay', () => {
  it('pushes every committed event to the window with its id, in order', async () => {
    const task = t.core.tasks.create({ title: 'A' });
    t.core.tasks.update(task.id, { status: 'assigned' });
    const pushed = win.webContents.sent.filter((m) => m.channel === IPC_CHANNELS.event).map((m) => m.args[0]);
    expect(pushed.map((e) => (e as { type: string }).type)).toEqual([
      'task_created',
      'task_updated',
      'activity_logged',
    ]);
    const ids = pushed.map((e) => (e as { id: number }).id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids.every((id) => id > 0)).toBe(true);
  });

  it('replays events after an id and answers reset when the log cannot continue', async () => {
    const a = t.core.tasks.create({ title: 'A' });
    t.core.tasks.create({ title: 'B' });
    const all = (await fake.ipcMain.invoke(IPC_CHANNELS.eventsAfter, from(), 0)) as Array<{ id: number }>;
    expect(all).toHaveLength(2);
    const rest = (await fake.ipcMain.invoke(IPC_CHANNELS.eventsAfter, from(), all[0]?.id)) as Array<{
      payload: { title: string };
    }>;
    expect(rest.map((e) => e.payload.title)).toEqual(['B']);
    expect(await fake.ipcMain.invoke(IPC_CHANNELS.eventsAfter, from(), 999)).toEqual([
      { id: 2, type: 'reset', payload: { last_event_id: 2, reason: 'unknown event id' } },
    ]);
    t.core.tasks.remove(a.id);
    t.core.events.prune(1);
    const [reset] = (await fake.ipcMain.invoke(IPC_CHANNELS.eventsAfter, from(), 0)) as Array<{
      type: string;
    }>;
    expect(reset?.type).toBe('reset');
    await expect(fake.ipcMain.invoke(IPC_CHANNELS.eventsAfter, from(), -1)).rejects.toThrow();
  });

  it('stops pushing and removes its handlers when disposed', () => {
    dispose();
    dispose = () => {};
    t.core.tasks.create({ title: 'after' });
    expect(win.webContents.sent).toEqual([]);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(t.core.bus.size).toBe(1); // only the core's own pruning listener is left
  });
});

describe('deliverable open over IPC', () => {
  it('reveals the stored file; the renderer only names ids', async () => {
    const dir = tempDir();
    const file = join(dir.dir, 'report.md');
    writeFileSync(file, '# report');
    const task = t.core.tasks.create({ title: 'T' });
    const d = t.core.deliverables.create(task.id, { deliverable_type: 'file', title: 'Report', path: file });
    const open = (taskId: unknown, id: unknown) =>
      fake.ipcMain.invoke(IPC_CHANNELS.openDeliverable, from(), taskId, id);
    expect(await open(task.id, d.id)).toEqual({ ok: true, value: 'revealed-file' });
    expect(fake.shell.revealed).toEqual([file]);
    expect(await open(task.id, 'nope')).toMatchObject({ ok: false, status: 404 });
    expect(await open(42, d.id)).toMatchObject({ ok: false, status: 400 });
    expect(fake.shell.executed).toEqual([]);
    dir.cleanup();
  });
});

it('answers app info to our window', async () => {
  expect(await fake.ipcMain.invoke(IPC_CHANNELS.info, from())).toEqual({
    version: '1.2.3',
    apiUrl: 'http://127.0.0.1:4000',
  });
});
