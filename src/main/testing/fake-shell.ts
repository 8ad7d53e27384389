// Fake tray, menus, notifications, shell, clipboard, protocol and dialog for the unit tests.
import { EventEmitter } from 'node:events';
import { calls } from './fake-calls.ts';

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
  enabled?: boolean;
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
