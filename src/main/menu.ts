// The application menu: standard edit/view roles (copy and paste need them on macOS), the
// notifications setting, and a Quit that really quits (closing the window only hides it).
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  notifications: { get(): boolean; set(enabled: boolean): void };
  showWindow(): void;
  quit(): void;
  isDev: boolean;
}

function menuTemplate(actions: MenuActions, platform = process.platform): MenuItemConstructorOptions[] {
  const quit: MenuItemConstructorOptions = {
    label: 'Quit Mission Control',
    accelerator: 'CmdOrCtrl+Q',
    click: actions.quit,
  };
  const notifications: MenuItemConstructorOptions = {
    label: 'Notifications',
    type: 'checkbox',
    checked: actions.notifications.get(),
    click: (item) => actions.notifications.set(item.checked),
  };
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
            notifications,
            { type: 'separator' },
            { role: 'hide' },
            quit,
          ],
        }
      : { label: 'File', submenu: [notifications, { type: 'separator' }, { role: 'close' }, quit] };
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

export function installMenu(actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions)));
}
