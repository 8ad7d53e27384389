// The tray: live count of active sub-agent sessions (icon, macOS title, tooltip) and a small menu.
// Follows the event bus; never polls.
import { Menu, Tray } from 'electron';
import type { Core } from '../core/core.ts';
import type { EventType } from '../shared/events.ts';
import { badgeLabel, trayImage } from './tray-icon.ts';

export interface TrayActions {
  showWindow(): void;
  openInBrowser(): void;
  copyApiAccess(): void;
  quit(): void;
  startAtLogin: { get(): boolean; set(enabled: boolean): void };
}

export function trayTooltip(count: number): string {
  if (count === 0) return 'Mission Control: no sub-agents active';
  return `${count} sub-agent${count === 1 ? '' : 's'} active`;
}

/** The events after which the active count may differ (deleting a task cascades to its sessions). */
const COUNT_EVENTS: ReadonlySet<EventType> = new Set(['agent_spawned', 'agent_completed', 'task_deleted']);

export interface AppTray {
  tray: Tray;
  count(): number;
  dispose(): void;
}

export function createAppTray(core: Core, actions: TrayActions, platform = process.platform): AppTray {
  let count = core.sessions.activeSubagents();
  const tray = new Tray(trayImage(count, platform));

  const buildMenu = () =>
    Menu.buildFromTemplate([
      { label: 'Show Mission Control', click: actions.showWindow },
      { label: 'Open in Browser', click: actions.openInBrowser },
      { label: 'Copy API URL and Token', click: actions.copyApiAccess },
      { type: 'separator' },
      {
        label: 'Start at Login',
        type: 'checkbox',
        checked: actions.startAtLogin.get(),
        click: (item) => {
          actions.startAtLogin.set(item.checked);
          tray.setContextMenu(buildMenu());
        },
      },
      { type: 'separator' },
      { label: 'Quit Mission Control', click: actions.quit },
    ]);

  const render = () => {
    tray.setImage(trayImage(count, platform));
    tray.setToolTip(trayTooltip(count));
    if (platform === 'darwin') tray.setTitle(badgeLabel(count));
  };

  render();
  tray.setContextMenu(buildMenu());
  // Linux/Windows: a click shows the board (macOS opens the menu on click by itself).
  tray.on('click', () => {
    if (platform !== 'darwin') actions.showWindow();
  });

  const unsubscribe = core.bus.subscribe((event) => {
    if (!COUNT_EVENTS.has(event.type)) return;
    const next = core.sessions.activeSubagents();
    if (next === count) return;
    count = next;
    render();
  });

  return {
    tray,
    count: () => count,
    dispose() {
      unsubscribe();
      tray.destroy();
    },
  };
}
