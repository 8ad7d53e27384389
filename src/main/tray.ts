// The tray: live count of active sub-agent sessions (icon, macOS title, tooltip) and a small menu.
// Follows the event bus; never polls.
import { Menu, Tray } from 'electron';
import type { Core } from '../core/core.ts';
import type { DomainEvent } from '../shared/events.ts';
import { exhaustive } from '../shared/exhaustive.ts';
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

/** Whether the active count may differ after this event; the count itself is read from the core. */
export function mayChangeCount(event: DomainEvent): boolean {
  switch (event.type) {
    case 'agent_spawned':
    case 'agent_completed':
    case 'session_updated':
      return true;
    case 'task_deleted':
      return event.payload.removed.session_ids.length > 0;
    case 'task_created':
    case 'task_updated':
    case 'activity_logged':
    case 'deliverable_added':
    case 'agent_created':
    case 'agent_updated':
    case 'agent_deleted':
    case 'device_revoked':
    case 'comment_added':
    case 'review_decided':
    case 'attention_dismissed':
      return false;
    default:
      exhaustive(event);
      return false;
  }
}

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
    if (!mayChangeCount(event)) return;
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
