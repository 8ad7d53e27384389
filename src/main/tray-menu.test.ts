import { describe, expect, it, vi } from 'vitest';
import type { AttentionItem } from '../shared/entities.ts';
import { attentionMenuItems, menuLabel, needsYouText } from './tray-menu.ts';

const item = (n: number, extra: Partial<AttentionItem> = {}): AttentionItem => ({
  key: `stale_session:s${n}`,
  kind: 'stale_session',
  session_id: `s${n}`,
  since: '2030-01-01T00:00:00.000Z',
  message: `worker ${n} went silent (no heartbeat for 30 s)`,
  ...extra,
});

describe('the attention part of the tray menu', () => {
  it('is empty when nothing needs you', () => {
    expect(attentionMenuItems([], { openTask: vi.fn(), showWindow: vi.fn() }, 'linux')).toEqual([]);
  });

  it('opens the board for an item about no task, and the task for one about a task', () => {
    const actions = { openTask: vi.fn(), showWindow: vi.fn() };
    const [, orphan, onTask] = attentionMenuItems([item(1), item(2, { task_id: 't2' })], actions, 'linux');
    orphan?.click?.({} as never, undefined, {} as never);
    expect(actions.showWindow).toHaveBeenCalledOnce();
    onTask?.click?.({} as never, undefined, {} as never);
    expect(actions.openTask).toHaveBeenCalledWith('t2');
  });

  it('shows "N more…" only past five', () => {
    const actions = { openTask: vi.fn(), showWindow: vi.fn() };
    const five = Array.from({ length: 5 }, (_, i) => item(i));
    expect(attentionMenuItems(five, actions, 'linux').map((i) => i.label ?? i.type)).toEqual([
      '5 items need you',
      ...five.map((i) => i.message),
      'separator',
    ]);
    expect(attentionMenuItems([...five, item(5)], actions, 'linux').at(-2)?.label).toBe('1 more…');
  });

  it('keeps labels on one short line and ampersands literal', () => {
    expect(menuLabel('a\n  b', 'linux')).toBe('a b');
    const long = menuLabel(`"${'x'.repeat(100)}" waits for review`, 'darwin');
    expect(long).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
    expect(menuLabel('R&D', 'win32')).toBe('R&&D');
    expect(menuLabel('R&D', 'darwin')).toBe('R&D');
    expect([1, 2].map(needsYouText)).toEqual(['1 item needs you', '2 items need you']);
  });
});
