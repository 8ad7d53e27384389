// The board window: locked-down preferences, hidden (not closed) by the close button.
import { BrowserWindow, type WebPreferences } from 'electron';
import { denyPermissions, guardContents } from './guards.ts';

export function webPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export interface WindowOptions {
  preloadPath: string;
  /** What the window shows (app://mission-control/index.html, or the dev server in development). */
  url: string;
  /** The only origin it may navigate within. */
  origin: string;
  /** True once the app is quitting: then the close button really closes. */
  isQuitting: () => boolean;
  iconPath?: string;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Mission Control',
    backgroundColor: '#101113',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: webPreferences(options.preloadPath),
  });
  guardContents(win.webContents, options.origin);
  denyPermissions(win.webContents.session);
  // Agents keep working while the window is away: closing hides it, Quit (tray/menu) exits.
  win.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    win.hide();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.url);
  return win;
}

export function showWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
