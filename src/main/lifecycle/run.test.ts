import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../core/testing/harness.ts';
import { IPC_CHANNELS } from '../../shared/ipc.ts';

vi.mock('electron', () => import('../testing/fake-electron.ts'));
const fake = await import('../testing/fake-electron.ts');
const { runMainProcess } = await import('./run.ts');

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  fake.resetFakeElectron();
  dir = tempDir();
  fake.app.paths.userData = dir.dir;
});
afterEach(() => dir.cleanup());

const log = (line: string) => fake.calls.push(`log ${line}`);
const start = async (overrides = {}) => {
  const main = runMainProcess({ port: 0, log, ...overrides }, {});
  await main?.ready;
  return main;
};
/** Quits the way the tray's Quit does and waits for the held quit to go through. */
const quit = async () => {
  fake.app.quit();
  await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
};

describe('main process lifecycle', () => {
  it('reopens the listener for other devices at start when the setting was left on', async () => {
    const first = await start({ lanAddresses: ['127.0.0.2'] });
    const server = first?.desktop()?.server;
    await server?.remote.setEnabled(true);
    await quit();

    fake.resetFakeElectron();
    fake.app.paths.userData = dir.dir;
    const second = await start({ lanAddresses: ['127.0.0.2'] });
    const status = second?.desktop()?.server?.remote.status();
    expect(status?.enabled).toBe(true);
    const port = second?.desktop()?.server?.port;
    const health = await fetch(`http://127.0.0.2:${port}/api/health`);
    expect(health.status).toBe(200);
    await quit();
  });

  it('starts core → server → window → IPC → tray, in that order', async () => {
    const main = await start();
    const desktop = main?.desktop();
    const order = fake.calls.map((c) => c.replace(/ http:\S+/, '').replace(/ mc:\S+/, ''));
    expect([...new Set(order)]).toEqual([
      'protocol.registerSchemesAsPrivileged',
      'app.requestSingleInstanceLock',
      'app.whenReady',
      'log Mission Control listening on',
      'BrowserWindow',
      'ipcMain.handle',
      'Tray',
    ]);
    const health = await fetch(`${desktop?.server?.url}/api/health`);
    expect(health.status).toBe(200);
    expect(fake.BrowserWindow.instances[0]?.loadedUrl).toBe('app://mission-control/index.html');
    expect(fake.protocol.handlers.has('app')).toBe(true);
    expect(fake.Menu.applicationMenu).not.toBeNull();
    await quit();
  });

  it('quits cleanly: holds the quit until streams, server and database are closed', async () => {
    const main = await start();
    const desktop = main?.desktop();
    if (!desktop?.server) throw new Error('server did not start');
    const url = desktop.server.url;
    const stream = await fetch(`${url}/api/events/stream`, {
      headers: {
        authorization: `Bearer ${(await import('node:fs')).readFileSync(`${dir.dir}/token`, 'utf8').trim()}`,
      },
    });
    expect(stream.status).toBe(200);
    const reader = stream.body?.getReader();

    fake.app.quit();
    expect(fake.app.quitted).toBe(false); // held while closing
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));

    // The open SSE stream was ended, not cut mid-frame.
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
    }
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    expect(desktop.core.db.open).toBe(false);
    expect(desktop.core.bus.size).toBe(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.Tray.instances[0]?.destroyed).toBe(true);
    expect(fake.BrowserWindow.instances[0]?.isDestroyed()).toBe(true);
    expect(fake.protocol.handlers.size).toBe(0);
  });

  it('hides the window on close while running; the app keeps serving', async () => {
    const main = await start();
    const win = fake.BrowserWindow.instances[0];
    win?.show();
    win?.close();
    expect(win?.isDestroyed()).toBe(false);
    expect(win?.isVisible()).toBe(false);
    const health = await fetch(`${main?.desktop()?.server?.url}/api/health`);
    expect(health.ok).toBe(true);
    fake.app.emit('second-instance');
    expect(win?.isVisible()).toBe(true);
    await quit();
  });

  it('takes the next port when 4000 (here: a busy port) is taken', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const main = await start({ port });
      expect(main?.desktop()?.server?.port).toBeGreaterThan(port);
      expect(main?.desktop()?.server?.port).toBeLessThanOrEqual(port + 19);
      await quit();
    } finally {
      busy.close();
    }
  });

  it('opens a task from a notification and from the tray: shows the window and tells the board', async () => {
    const main = await start();
    const desktop = main?.desktop();
    const task = desktop?.core.tasks.create({ title: 'Review me' });
    desktop?.core.tasks.update(task?.id ?? '', { status: 'review' });
    await vi.waitFor(() => expect(fake.Notification.instances).toHaveLength(1));
    expect(fake.Notification.instances[0]?.options.title).toBe('Ready for review');
    fake.Notification.instances[0]?.emit('click');
    const win = fake.BrowserWindow.instances[0];
    expect(win?.isVisible()).toBe(true);
    win?.hide();
    const tray = fake.Tray.instances[0];
    expect(tray?.tooltip).toBe('Mission Control: no sub-agents active\n1 item needs you');
    fake.menuItem(tray?.menu ?? null, '"Review me" waits for review')?.click?.({ checked: false });
    expect(win?.isVisible()).toBe(true);
    expect(win?.webContents.sent.filter((m) => m.channel === IPC_CHANNELS.openTask)).toEqual([
      { channel: IPC_CHANNELS.openTask, args: [task?.id] },
      { channel: IPC_CHANNELS.openTask, args: [task?.id] },
    ]);
    await quit();
  });

  it('turns notifications off from the menu, persisted across restarts', async () => {
    await start();
    fake.menuItem(fake.Menu.applicationMenu, 'Notifications')?.click?.({ checked: false });
    await quit();
    fake.resetFakeElectron();
    fake.app.paths.userData = dir.dir;
    const main = await start();
    expect(fake.menuItem(fake.Menu.applicationMenu, 'Notifications')?.checked).toBe(false);
    const desktop = main?.desktop();
    const task = desktop?.core.tasks.create({ title: 'Quiet' });
    desktop?.core.tasks.update(task?.id ?? '', { status: 'done' });
    expect(fake.Notification.instances).toEqual([]);
    await quit();
  });

  it('turns one kind off from the menu, persisted across restarts; the tray still shows it', async () => {
    await start();
    fake.menuItem(fake.Menu.applicationMenu, 'Tasks Waiting for Review')?.click?.({ checked: false });
    await quit();
    fake.resetFakeElectron();
    fake.app.paths.userData = dir.dir;
    const main = await start();
    expect(fake.menuItem(fake.Menu.applicationMenu, 'Tasks Waiting for Review')?.checked).toBe(false);
    const desktop = main?.desktop();
    desktop?.core.tasks.create({ title: 'Unannounced', status: 'review' });
    // The tray hears from the same read of the list, after the notifications do.
    await vi.waitFor(() => expect(desktop?.tray.attention()).toHaveLength(1));
    expect(fake.Notification.instances).toEqual([]);
    await quit();
  });

  it('tray actions: the browser link carries the token; copy gives URL and token', async () => {
    const main = await start();
    const url = main?.desktop()?.server?.url;
    const token = (await import('node:fs')).readFileSync(`${dir.dir}/token`, 'utf8').trim();
    const menu = fake.Tray.instances[0]?.menu ?? null;
    fake.menuItem(menu, 'Open in Browser')?.click?.({ checked: false });
    expect(fake.shell.opened).toEqual([`${url}/#token=${encodeURIComponent(token)}`]);
    fake.menuItem(menu, 'Copy API URL and Token')?.click?.({ checked: false });
    expect(fake.clipboard.text).toBe(`MISSION_CONTROL_URL=${url}\nMISSION_CONTROL_TOKEN=${token}\n`);
    fake.menuItem(menu, 'Quit Mission Control')?.click?.({ checked: false });
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
  });
});

describe('app-wide guards', () => {
  it('sandboxes every renderer and denies webviews and new windows to any web contents', async () => {
    await start();
    expect(fake.app.sandboxed).toBe(true);
    const stray = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', fake.newEvent(), stray);
    expect(stray.attempt('will-attach-webview', {}, {})).toBe(true);
    expect(stray.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(fake.shell.opened).toEqual([]);
    await quit();
  });
});

describe('environment', () => {
  it('honours MISSION_CONTROL_DATA_DIR (before the lock) and MISSION_CONTROL_PORT', async () => {
    const other = tempDir();
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    busy.close();
    try {
      const main = runMainProcess(
        { log },
        { MISSION_CONTROL_DATA_DIR: other.dir, MISSION_CONTROL_PORT: String(port) },
      );
      await main?.ready;
      expect(fake.app.getPath('userData')).toBe(other.dir);
      expect(main?.desktop()?.server?.port).toBe(port);
      expect((await import('node:fs')).existsSync(`${other.dir}/token`)).toBe(true);
      await quit();
    } finally {
      other.cleanup();
    }
  });
});

describe('single instance', () => {
  it('a second instance quits at once without opening the database or a window', async () => {
    fake.app.gotLock = false;
    const main = runMainProcess({ port: 0, log }, {});
    expect(main).toBeNull();
    expect(fake.app.quitted).toBe(true);
    expect(fake.calls).not.toContain('app.whenReady');
    expect(fake.BrowserWindow.instances).toEqual([]);
  });

  it('a start failure is shown and exits with an error', async () => {
    // A data dir below a plain file cannot be created.
    (await import('node:fs')).writeFileSync(`${dir.dir}/plain-file`, '');
    fake.app.paths.userData = `${dir.dir}/plain-file/data`;
    const main = runMainProcess({ port: 0, log }, {});
    await main?.ready;
    expect(fake.dialog.errors[0]).toMatch(/^Mission Control could not start: /);
    expect(fake.app.exitCode).toBe(1);
  });
});
