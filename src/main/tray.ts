// The tray: live count of active sub-agent sessions (icon, macOS title, tooltip), the "needs you"
// dot and the first attention items, and a small menu. Follows the event bus; never polls.
import { Menu, Tray } from 'electron';
import type { Core } from '../core/core.ts';
import type { AttentionItem } from '../shared/entities.ts';
import type { DomainEvent } from '../shared/events.ts';
import { exhaustive } from '../shared/exhaustive.ts';
import type { AttentionWatch } from './attention-watch.ts';
import { badgeLabel, trayImage } from './tray-icon.ts';
import { attentionMenuItems, attentionMenuSignature, needsYouText } from './tray-menu.ts';

export interface TrayActions {
  showWindow(): void;
  /** Shows the window and opens the task's modal. */
  openTask(taskId: string): void;
  openInBrowser(): void;
  copyApiAccess(): void;
  quit(): void;
  startAtLogin: { get(): boolean; set(enabled: boolean): void };
}

/** The sub-agent count in words, and on a second line how many attention items need you. */
export function trayTooltip(count: number, needsYou = 0): string {
  const agents =
    count === 0
      ? 'Mission Control: no sub-agents active'
      : `${count} sub-agent${count === 1 ? '' : 's'} active`;
  return needsYou > 0 ? `${agents}\n${needsYouText(needsYou)}` : agents;
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
    case 'usage_recorded':
    case 'budget_exceeded':
    case 'webhook_health_changed':
      return false;
    default:
      exhaustive(event);
      return false;
  }
}

export interface AppTray {
  tray: Tray;
  count(): number;
  /** The attention items the tray shows (all of them; the menu lists the first few). */
  attention(): readonly AttentionItem[];
  dispose(): void;
}

export function createAppTray(
  core: Core,
  attention: AttentionWatch,
  actions: TrayActions,
  platform = process.platform,
): AppTray {
  let count = core.sessions.activeSubagents();
  let items = attention.items();
  const tray = new Tray(trayImage(count, platform, items.length > 0));

  const buildMenu = () =>
    Menu.buildFromTemplate([
      ...attentionMenuItems(items, actions, platform),
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
    tray.setImage(trayImage(count, platform, items.length > 0));
    tray.setToolTip(trayTooltip(count, items.length));
    if (platform === 'darwin') tray.setTitle(badgeLabel(count));
  };

  render();
  tray.setContextMenu(buildMenu());
  let menuShows = attentionMenuSignature(items);
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
  const unsubscribeAttention = attention.subscribe((next) => {
    items = next;
    render();
    // Rebuilt only when what it lists changed, not for an edit to a task further down the list.
    const shows = attentionMenuSignature(items);
    if (shows === menuShows) return;
    menuShows = shows;
    tray.setContextMenu(buildMenu());
  });

  return {
    tray,
    count: () => count,
    attention: () => items,
    dispose() {
      unsubscribe();
      unsubscribeAttention();
      tray.destroy();
    },
  };
}
