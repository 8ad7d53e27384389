// The attention part of the tray menu: a header, the first items (each opens its task, or the
// board), and "N more…" opening the window.
import type { MenuItemConstructorOptions } from 'electron';
import type { AttentionItem } from '../shared/entities.ts';

/** How many attention items the tray menu lists. */
export const TRAY_ATTENTION_LIMIT = 5;
const MAX_LABEL = 60;

export interface AttentionMenuActions {
  openTask(taskId: string): void;
  showWindow(): void;
}

/** "1 item needs you", "3 items need you". */
export function needsYouText(count: number): string {
  return count === 1 ? '1 item needs you' : `${count} items need you`;
}

/** A menu label for a message: one line, shortened, `&` kept literal (Windows and Linux read mnemonics). */
export function menuLabel(text: string, platform: NodeJS.Platform): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const short = line.length > MAX_LABEL ? `${line.slice(0, MAX_LABEL - 1)}…` : line;
  return platform === 'darwin' ? short : short.replaceAll('&', '&&');
}

export function attentionMenuItems(
  items: readonly AttentionItem[],
  actions: AttentionMenuActions,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  if (items.length === 0) return [];
  const more = items.length - TRAY_ATTENTION_LIMIT;
  return [
    { label: needsYouText(items.length), enabled: false },
    ...items.slice(0, TRAY_ATTENTION_LIMIT).map(
      (item): MenuItemConstructorOptions => ({
        label: menuLabel(item.message, platform),
        click: () => {
          const taskId = item.task_id;
          if (taskId) actions.openTask(taskId);
          else actions.showWindow();
        },
      }),
    ),
    ...(more > 0 ? [{ label: `${more} more…`, click: () => actions.showWindow() }] : []),
    { type: 'separator' },
  ];
}

/** What the attention part of the menu shows; the menu is rebuilt only when this changes. */
export function attentionMenuSignature(items: readonly AttentionItem[]): string {
  const shown = items.slice(0, TRAY_ATTENTION_LIMIT).map((i) => [i.key, i.task_id, i.message]);
  return JSON.stringify([items.length, shown]);
}
