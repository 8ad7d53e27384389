// A stand-in for the `electron` module in unit tests (vi.mock('electron', …)): records what main
// does (windows, handlers, tray, notifications, shell calls) so tests can assert the outcomes.
import { EventEmitter } from 'node:events';

/** Everything the fake records, in order; tests read and reset it. */
export const calls: string[] = [];

class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}
export const newEvent = () => new FakeEvent();

export class FakeSession {
  permissionRequest: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
  permissionCheck: ((...args: unknown[]) => boolean) | null = null;
  setPermissionRequestHandler(handler: FakeSession['permissionRequest']): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheck']): void {
    this.permissionCheck = handler;
  }
}

export class FakeWebContents extends EventEmitter {
  sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  mainFrame = { url: '' };
  session = new FakeSession();
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  /** Fires a cancellable webContents event; returns whether the app prevented it. */
  attempt(name: string, ...args: unknown[]): boolean {
    const event = newEvent();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  visible = false;
  destroyed = false;
  minimized = false;
  loadedUrl = '';
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    calls.push('BrowserWindow');
    BrowserWindow.instances.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {}
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.visible = false;
  }
  /** Like the window's close button: the app may prevent it. */
  close(): void {
    const event = newEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
}

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

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  image: unknown;
  tooltip = '';
  title = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    calls.push('Tray');
    Tray.instances.push(this);
  }
  setImage(image: unknown): void {
    this.image = image;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setTitle(text: string): void {
    this.title = text;
  }
  setContextMenu(menu: FakeMenu): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export interface FakeMenuItem {
  label?: string;
  type?: string;
  role?: string;
  checked?: boolean;
  submenu?: FakeMenuItem[];
  click?: (item: { checked: boolean }) => void;
}
export interface FakeMenu {
  items: FakeMenuItem[];
}
export const Menu = {
  applicationMenu: null as FakeMenu | null,
  buildFromTemplate: (items: FakeMenuItem[]): FakeMenu => ({ items }),
  setApplicationMenu(menu: FakeMenu): void {
    this.applicationMenu = menu;
  },
};

/** Finds a menu item by label, depth first. */
export function menuItem(menu: FakeMenu | null, label: string): FakeMenuItem | undefined {
  const search = (items: FakeMenuItem[]): FakeMenuItem | undefined => {
    for (const item of items) {
      if (item.label === label) return item;
      const found = item.submenu && search(item.submenu);
      if (found) return found;
    }
    return undefined;
  };
  return search(menu?.items ?? []);
}

export const nativeImage = {
  createFromBuffer: (buffer: Buffer, options?: { scaleFactor?: number }) => ({ buffer, options }),
};

export class Notification extends EventEmitter {
  static instances: Notification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return Notification.supported;
  }
  readonly options: { title: string; body: string };
  shown = false;
  constructor(options: { title: string; body: string }) {
    super();
    this.options = options;
    Notification.instances.push(this);
  }
  show(): void {
    this.shown = true;
  }
}

export const shell = {
  opened: [] as string[],
  revealed: [] as string[],
  executed: [] as string[],
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  },
  showItemInFolder(path: string): void {
    this.revealed.push(path);
  },
  async openPath(path: string): Promise<string> {
    this.executed.push(path);
    return '';
  },
};

export const clipboard = {
  text: '',
  writeText(text: string): void {
    this.text = text;
  },
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    calls.push('protocol.registerSchemesAsPrivileged');
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    this.handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  },
};

export const dialog = {
  errors: [] as string[],
  showErrorBox(title: string, content: string): void {
    this.errors.push(`${title}: ${content}`);
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
