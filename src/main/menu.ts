// The application menu: standard edit/view roles (copy and paste need them on macOS), the
// notification switches (all, and one per kind of attention item), and a Quit that really quits
// (closing the window only hides it).
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { ATTENTION_KINDS, type AttentionKind } from '../shared/enums.ts';

export interface MenuActions {
  notifications: { get(): boolean; set(enabled: boolean): void };
  attention: { get(kind: AttentionKind): boolean; set(kind: AttentionKind, enabled: boolean): void };
  showWindow(): void;
  quit(): void;
  isDev: boolean;
}

/** The per-kind switches' labels: a new kind does not compile until it has one. */
export const ATTENTION_SWITCH_LABELS: Record<AttentionKind, string> = {
  review: 'Tasks Waiting for Review',
  stale_session: 'Silent Sub-agents',
  failed_session: 'Failed Sub-agents',
  lease_expired: 'Expired Leases',
  stuck: 'Stuck Tasks',
  over_budget: 'Tasks over Budget',
  webhook_failing: 'Failing Webhooks',
};
export const NOTIFY_ABOUT = 'Notify Me About';

/** The switches: all notifications, then a submenu per kind (greyed out while all are off). */
function notificationItems(actions: MenuActions, rebuild: () => void): MenuItemConstructorOptions[] {
  const on = actions.notifications.get();
  return [
    {
      label: 'Notifications',
      type: 'checkbox',
      checked: on,
      click: (item) => {
        actions.notifications.set(item.checked);
        rebuild(); // enables or greys out the kinds
      },
    },
    {
      label: NOTIFY_ABOUT,
      enabled: on,
      submenu: ATTENTION_KINDS.map((kind) => ({
        label: ATTENTION_SWITCH_LABELS[kind],
        type: 'checkbox' as const,
        checked: actions.attention.get(kind),
        click: (item: { checked: boolean }) => actions.attention.set(kind, item.checked),
      })),
    },
  ];
}

export function menuTemplate(
  actions: MenuActions,
  platform: NodeJS.Platform = process.platform,
  rebuild: () => void = () => {},
): MenuItemConstructorOptions[] {
  const quit: MenuItemConstructorOptions = {
    label: 'Quit Mission Control',
    accelerator: 'CmdOrCtrl+Q',
    click: actions.quit,
  };
  const notifications = notificationItems(actions, rebuild);
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (actions.isDev) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  const first: MenuItemConstructorOptions =
    platform === 'darwin'
      ? {
          label: 'Mission Control',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            ...notifications,
            { type: 'separator' },
            { role: 'hide' },
            quit,
          ],
        }
      : { label: 'File', submenu: [...notifications, { type: 'separator' }, { role: 'close' }, quit] };
  return [
    first,
    { label: 'Edit', role: 'editMenu' },
    { label: 'View', submenu: view },
    {
      label: 'Window',
      submenu: [{ label: 'Show Board', click: actions.showWindow }, { role: 'minimize' }, { role: 'close' }],
    },
  ];
}

export function installMenu(actions: MenuActions, platform: NodeJS.Platform = process.platform): void {
  const install = () =>
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, platform, install)));
  install();
}
