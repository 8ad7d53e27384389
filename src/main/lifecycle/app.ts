// Starts and stops the desktop app's parts in order: core → server → window → IPC → attention
// (notifications, tray) → menu.
import { join } from 'node:path';
import { type BrowserWindow, clipboard } from 'electron';
import { loadOrCreateToken } from '../../core/config/token.ts';
import { type Core, createCore } from '../../core/core.ts';
import { type RunningServer, startServer } from '../../core/server.ts';
import { DEFAULT_PORT } from '../../shared/api.ts';
import { IPC_CHANNELS } from '../../shared/ipc.ts';
import { type AttentionWatch, watchAttention } from '../attention-watch.ts';
import { openWebUrl } from '../external.ts';
import { registerIpc } from '../ipc.ts';
import { loginItem } from '../login-item.ts';
import { installMenu } from '../menu.ts';
import { startNotifications } from '../notifications.ts';
import { APP_URL, serveRenderer } from '../protocol.ts';
import { openSettings } from '../settings.ts';
import { type AppTray, createAppTray } from '../tray.ts';
import { createMainWindow, showWindow } from '../window.ts';

export interface DesktopOptions {
  /** app.getPath('userData'): database, token, settings. */
  dataDir: string;
  /** app.getAppPath(): where out/ and resources/ are (the project in dev, app.asar packaged). */
  appPath: string;
  version: string;
  /** electron-vite's dev server URL in development; the window then loads from it. */
  devRendererUrl?: string;
  port?: number;
  /** Addresses the "other devices" switch listens on; default every LAN address. */
  lanAddresses?: string[];
  isQuitting: () => boolean;
  quit: () => void;
  platform?: NodeJS.Platform;
  log?: (line: string) => void;
}

export interface Desktop {
  core: Core;
  /** Null when no port could be bound: the window still works over IPC. */
  server: RunningServer | null;
  tray: AppTray;
  /** The attention list as the tray and the notifications see it. */
  attention: AttentionWatch;
  window(): BrowserWindow;
  showWindow(): void;
  openTask(taskId: string): void;
  stop(): Promise<void>;
}

export async function startDesktop(options: DesktopOptions): Promise<Desktop> {
  const log = options.log ?? console.log;
  const rendererRoot = join(options.appPath, 'out', 'renderer');
  const core = createCore({ dataDir: options.dataDir });
  const { token } = loadOrCreateToken(options.dataDir);
  let server: RunningServer | null = null;
  try {
    server = await startServer({
      core,
      token,
      host: '127.0.0.1',
      port: options.port ?? DEFAULT_PORT,
      portAttempts: 20,
      webRoot: rendererRoot,
      ...(options.lanAddresses ? { lanAddresses: options.lanAddresses } : {}),
    });
    log(`Mission Control listening on ${server.url}`);
    // "Allow other devices on my network" survives restarts: reopen the LAN listener if it was on.
    const { error } = await server.remote.restore();
    if (error) log(`Mission Control: other devices stay off this time (${error})`);
  } catch (error) {
    log(`Mission Control: agent API not started (${error instanceof Error ? error.message : error})`);
  }

  try {
    return wire(options, core, server, token, rendererRoot);
  } catch (error) {
    // Whatever opened before the failure is closed again: the app is about to exit.
    await server?.close();
    core.close();
    throw error;
  }
}

/** Window, IPC, notifications, tray and menu over a running core and server; returns the whole. */
function wire(
  options: DesktopOptions,
  core: Core,
  server: RunningServer | null,
  token: string,
  rendererRoot: string,
): Desktop {
  const settings = openSettings(options.dataDir);
  const url = options.devRendererUrl ?? APP_URL;
  const origin = new URL(url).href;
  const unserve = serveRenderer(rendererRoot);
  const makeWindow = () =>
    createMainWindow({
      preloadPath: join(options.appPath, 'out', 'preload', 'index.cjs'),
      url,
      origin,
      isQuitting: options.isQuitting,
      iconPath: join(options.appPath, 'resources', 'icon.png'),
    });
  let win = makeWindow();
  const currentWindow = () => {
    if (win.isDestroyed()) win = makeWindow();
    return win;
  };
  const show = () => showWindow(currentWindow());

  const disposeIpc = registerIpc({
    core,
    window: () => (win.isDestroyed() ? null : win),
    origin,
    info: () => ({ version: options.version, apiUrl: server?.url ?? '' }),
  });
  const openTask = (taskId: string) => {
    show();
    win.webContents.send(IPC_CHANNELS.openTask, taskId);
  };
  // One reader of the attention list for both: one SQL read per burst of events, not one each.
  const attention = watchAttention(core);
  const stopNotifications = startNotifications(core, attention, {
    enabled: () => settings.get().notifications,
    kindEnabled: (kind) => settings.get().attention[kind],
    openTask,
    showWindow: show,
  });
  const tray = createAppTray(
    core,
    attention,
    {
      showWindow: show,
      openTask,
      openInBrowser: () => {
        if (server) openWebUrl(`${server.url}/#token=${encodeURIComponent(token)}`);
      },
      copyApiAccess: () =>
        clipboard.writeText(`MISSION_CONTROL_URL=${server?.url ?? ''}\nMISSION_CONTROL_TOKEN=${token}\n`),
      quit: options.quit,
      startAtLogin: loginItem(options.platform),
    },
    options.platform,
  );
  installMenu(
    {
      notifications: {
        get: () => settings.get().notifications,
        set: (enabled) => settings.update({ notifications: enabled }),
      },
      attention: {
        get: (kind) => settings.get().attention[kind],
        set: (kind, enabled) => settings.setAttentionKind(kind, enabled),
      },
      showWindow: show,
      quit: options.quit,
      isDev: options.devRendererUrl !== undefined,
    },
    options.platform,
  );

  let stopping: Promise<void> | undefined;
  const stop = () => {
    // Reverse order of start: nothing may still push into a closed database or server.
    stopping ??= (async () => {
      tray.dispose();
      stopNotifications();
      attention.dispose();
      disposeIpc();
      unserve();
      if (!win.isDestroyed()) win.destroy();
      try {
        await server?.close(); // ends the SSE streams first (preClose hook)
      } finally {
        core.close();
      }
    })();
    return stopping;
  };

  return { core, server, tray, attention, window: currentWindow, showWindow: show, openTask, stop };
}
