// The main process's lifecycle in one place: single instance, ready → start, quit → clean stop.
import { resolve } from 'node:path';
import { app, dialog } from 'electron';
import { registerAppScheme } from '../protocol.ts';
import { type Desktop, type DesktopOptions, startDesktop } from './app.ts';

export interface MainProcess {
  /** Resolves once the app has started (or failed to). */
  ready: Promise<void>;
  desktop(): Desktop | null;
}

/**
 * Env the desktop app honours like `serve` does: a data dir (also scopes the single-instance lock),
 * a port, and the addresses for other devices.
 */
function fromEnv(env: NodeJS.ProcessEnv): Partial<DesktopOptions> {
  const port = Number(env.MISSION_CONTROL_PORT);
  const lan = env.MISSION_CONTROL_LAN_ADDRESSES?.split(',').filter(Boolean);
  return {
    ...(env.MISSION_CONTROL_PORT && Number.isInteger(port) && port >= 0 && port <= 65535 ? { port } : {}),
    ...(lan?.length ? { lanAddresses: lan } : {}),
  };
}

export function runMainProcess(
  overrides: Partial<DesktopOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
): MainProcess | null {
  registerAppScheme(); // must happen before 'ready'
  // Defence in depth: every renderer sandboxed, and any web contents (not only our window) may
  // neither attach a webview nor open a window; the board window adds its own, stricter guards.
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  if (env.MISSION_CONTROL_DATA_DIR) app.setPath('userData', resolve(env.MISSION_CONTROL_DATA_DIR));
  if (!app.requestSingleInstanceLock()) {
    // Another Mission Control owns the database and the port; it shows its window (below).
    app.quit();
    return null;
  }
  let desktop: Desktop | null = null;
  let quitting = false;
  let stopped = false;

  app.on('second-instance', () => desktop?.showWindow());
  app.on('activate', () => desktop?.showWindow());
  // The window only hides, but should every window go, the tray and the agent API stay.
  app.on('window-all-closed', () => {});
  app.on('before-quit', (event) => {
    quitting = true;
    if (stopped || !desktop) return;
    // Hold the quit until streams, server and database are closed, then quit for real.
    event.preventDefault();
    void desktop.stop().finally(() => {
      stopped = true;
      app.quit();
    });
  });

  const ready = app
    .whenReady()
    .then(async () => {
      desktop = await startDesktop({
        dataDir: app.getPath('userData'),
        appPath: app.getAppPath(),
        version: app.getVersion(),
        ...(!app.isPackaged && process.env.ELECTRON_RENDERER_URL
          ? { devRendererUrl: process.env.ELECTRON_RENDERER_URL }
          : {}),
        isQuitting: () => quitting,
        quit: () => app.quit(),
        ...fromEnv(env),
        ...overrides,
      });
      // The Playwright _electron test reads the tray through this; off unless asked for.
      if (env.MISSION_CONTROL_TEST_HOOKS === '1' && !app.isPackaged) {
        const tray = desktop.tray;
        Object.assign(globalThis, {
          __missionControlTest: {
            trayCount: () => tray.count(),
            trayAttention: () => tray.attention().map((item) => item.key),
          },
        });
      }
    })
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'Mission Control could not start',
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
    });
  return { ready, desktop: () => desktop };
}
