// A stand-in for the `electron` module in unit tests (vi.mock('electron', …)): records what main
// does (windows, handlers, tray, notifications, shell calls) so tests can assert the outcomes.
import { EventEmitter } from 'node:events';
import { calls, newEvent } from './fake-calls.ts';
import { clipboard, dialog, Menu, Notification, nativeImage, protocol, shell, Tray } from './fake-shell.ts';
import { BrowserWindow } from './fake-windows.ts';

export { calls, newEvent } from './fake-calls.ts';
export * from './fake-shell.ts';
export * from './fake-windows.ts';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    calls.push(`ipcMain.handle ${channel}`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
  /** Calls a handler the way a renderer's ipcRenderer.invoke would arrive. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  },
};

class FakeApp extends EventEmitter {
  gotLock = true;
  readyResolve: (() => void) | null = null;
  readyPromise: Promise<void> = Promise.resolve();
  paths: Record<string, string> = {};
  appPath = '/nonexistent-app';
  isPackaged = false;
  openAtLogin = false;
  /** Set once a quit went through (not prevented by a before-quit listener). */
  quitted = false;
  exitCode: number | null = null;
  sandboxed = false;
  enableSandbox(): void {
    this.sandboxed = true;
  }
  requestSingleInstanceLock(): boolean {
    calls.push('app.requestSingleInstanceLock');
    return this.gotLock;
  }
  whenReady(): Promise<void> {
    calls.push('app.whenReady');
    return this.readyPromise;
  }
  getPath(name: string): string {
    const path = this.paths[name];
    if (!path) throw new Error(`no fake path for ${name}`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.paths[name] = path;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  quit(): void {
    calls.push('app.quit');
    const event = newEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.quitted = true;
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
  getLoginItemSettings(): { openAtLogin: boolean } {
    return { openAtLogin: this.openAtLogin };
  }
  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    this.openAtLogin = settings.openAtLogin;
  }
}
export const app = new FakeApp();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};

export const ipcRenderer = new (class extends EventEmitter {
  invoked: Array<{ channel: string; args: unknown[] }> = [];
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return { channel, args };
  }
})();

/** Back to a fresh fake between tests. */
export function resetFakeElectron(): void {
  calls.length = 0;
  BrowserWindow.instances = [];
  Tray.instances = [];
  Notification.instances = [];
  Notification.supported = true;
  ipcMain.handlers.clear();
  Menu.applicationMenu = null;
  shell.opened = [];
  shell.revealed = [];
  shell.executed = [];
  clipboard.text = '';
  protocol.privileged = [];
  protocol.handlers.clear();
  dialog.errors = [];
  app.removeAllListeners();
  app.gotLock = true;
  app.sandboxed = false;
  app.readyPromise = Promise.resolve();
  app.paths = {};
  app.appPath = '/nonexistent-app';
  app.isPackaged = false;
  app.openAtLogin = false;
  app.quitted = false;
  app.exitCode = null;
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoked = [];
}

export default {
  app,
  BrowserWindow,
  ipcMain,
  Tray,
  Menu,
  nativeImage,
  Notification,
  shell,
  clipboard,
  protocol,
  dialog,
};
