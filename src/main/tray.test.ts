import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pngSize } from './icons/png.ts';
import { attentionCore } from './testing/attention.ts';

vi.mock('electron', () => import('./testing/fake-electron.ts'));
const fake = await import('./testing/fake-electron.ts');
const { createAppTray: createTray, mayChangeCount, trayTooltip } = await import('./tray.ts');
const { badgeLabel, trayIconPng, trayImage } = await import('./tray-icon.ts');
const { watchAttention } = await import('./attention-watch.ts');

let t: ReturnType<typeof attentionCore>;
let watch: ReturnType<typeof watchAttention> | undefined;
const createAppTray = (core: typeof t.core, a: ReturnType<typeof actions>, platform: NodeJS.Platform) => {
  watch = watchAttention(core);
  return createTray(core, watch, a, platform);
};
const actions = () => ({
  showWindow: vi.fn(),
  openTask: vi.fn(),
  openInBrowser: vi.fn(),
  copyApiAccess: vi.fn(),
  quit: vi.fn(),
  startAtLogin: {
    value: false,
    get() {
      return this.value;
    },
    set(v: boolean) {
      this.value = v;
    },
  },
});
const pngOf = (image: unknown) => (image as { buffer: Buffer }).buffer;

beforeEach(() => {
  vi.useFakeTimers();
  fake.resetFakeElectron();
  t = attentionCore();
});
afterEach(() => {
  watch?.dispose();
  watch = undefined;
  t.close();
  vi.useRealTimers();
});

describe('tray count', () => {
  it('follows sub-agent sessions registered and ended: 0 → 2 → 1', () => {
    const tray = createAppTray(t.core, actions(), 'linux');
    const icon = () => fake.Tray.instances[0];
    expect(tray.count()).toBe(0);
    expect(icon()?.tooltip).toBe('Mission Control: no sub-agents active');
    expect(pngOf(icon()?.image).equals(trayIconPng(''))).toBe(true);

    const task = t.core.tasks.create({ title: 'Build' });
    const a = t.core.sessions.registerSubagent(task.id, { openclaw_session_id: 's-1', agent_name: 'coder' });
    t.core.sessions.registerSubagent(task.id, { openclaw_session_id: 's-2', agent_name: 'tester' });
    expect(tray.count()).toBe(2);
    expect(icon()?.tooltip).toBe('2 sub-agents active');
    expect(pngOf(icon()?.image).equals(trayIconPng('2'))).toBe(true);

    t.core.sessions.update(a.id, { status: 'completed' });
    expect(tray.count()).toBe(1);
    expect(icon()?.tooltip).toBe('1 sub-agent active');
    expect(pngOf(icon()?.image).equals(trayIconPng('1'))).toBe(true);

    // Deleting the task cascades to its sessions: the count must follow without a session event.
    t.core.tasks.remove(task.id);
    expect(tray.count()).toBe(0);
    tray.dispose();
    expect(icon()?.destroyed).toBe(true);
  });

  it('starts from the sessions already active and uses the title on macOS', () => {
    const task = t.core.tasks.create({ title: 'Build' });
    for (let i = 0; i < 12; i++) t.core.sessions.registerSubagent(task.id, { openclaw_session_id: `s-${i}` });
    const tray = createAppTray(t.core, actions(), 'darwin');
    expect(tray.count()).toBe(12);
    expect(fake.Tray.instances[0]?.title).toBe('9+');
    expect(fake.Tray.instances[0]?.tooltip).toBe('12 sub-agents active');
    expect(pngOf(fake.Tray.instances[0]?.image).equals(trayIconPng(''))).toBe(true);
    tray.dispose();
  });

  it('looks at the count again after a task delete only when the event says sessions went with it', () => {
    const seen: boolean[] = [];
    t.core.bus.subscribe((event) => {
      if (event.type === 'task_deleted') seen.push(mayChangeCount(event));
    });
    const quiet = t.core.tasks.create({ title: 'No sessions' });
    const busy = t.core.tasks.create({ title: 'One session' });
    t.core.sessions.registerSubagent(busy.id, { openclaw_session_id: 's-1' });
    t.core.tasks.remove(quiet.id);
    t.core.tasks.remove(busy.id);
    expect(seen).toEqual([false, true]);
  });

  it('stops following the bus once disposed', () => {
    const before = t.core.bus.size;
    const tray = createAppTray(t.core, actions(), 'linux');
    watch?.dispose();
    tray.dispose();
    const task = t.core.tasks.create({ title: 'Build' });
    t.core.sessions.registerSubagent(task.id, { openclaw_session_id: 's-1' });
    expect(fake.Tray.instances[0]?.tooltip).toBe('Mission Control: no sub-agents active');
    expect(t.core.bus.size).toBe(before);
  });
});

describe('tray icon image', () => {
  it('chooses the idle glyph for 0, the digit for 5 and 9+ for 12', () => {
    expect([0, 5, 12].map(badgeLabel)).toEqual(['', '5', '9+']);
    const images = [0, 5, 12].map((n) => pngOf(trayImage(n, 'linux')));
    expect(images[0]?.equals(trayIconPng(''))).toBe(true);
    expect(images[1]?.equals(trayIconPng('5'))).toBe(true);
    expect(images[2]?.equals(trayIconPng('9+'))).toBe(true);
    expect(new Set(images.map((b) => b?.toString('base64'))).size).toBe(3);
    for (const png of images) expect(pngSize(png as Buffer)).toEqual({ width: 32, height: 32 });
    expect(trayImage(9, 'linux')).toBe(trayImage(9, 'linux')); // drawn once, cached
    expect(pngOf(trayImage(9, 'linux')).equals(trayIconPng('9+'))).toBe(false);
  });

  it('keeps the plain glyph on macOS whatever the count', () => {
    expect(pngOf(trayImage(5, 'darwin')).equals(trayIconPng(''))).toBe(true);
  });

  it('says the count in words', () => {
    expect([0, 1, 3].map((n) => trayTooltip(n))).toEqual([
      'Mission Control: no sub-agents active',
      '1 sub-agent active',
      '3 sub-agents active',
    ]);
  });
});

describe('tray menu', () => {
  it('offers show, open in browser, copy, start at login and quit', () => {
    const a = actions();
    const tray = createAppTray(t.core, a, 'linux');
    const menu = fake.Tray.instances[0]?.menu ?? null;
    expect(menu?.items.filter((i) => i.label).map((i) => i.label)).toEqual([
      'Show Mission Control',
      'Open in Browser',
      'Copy API URL and Token',
      'Start at Login',
      'Quit Mission Control',
    ]);
    fake.menuItem(menu, 'Open in Browser')?.click?.({ checked: false });
    fake.menuItem(menu, 'Copy API URL and Token')?.click?.({ checked: false });
    fake.menuItem(menu, 'Start at Login')?.click?.({ checked: true });
    fake.menuItem(menu, 'Quit Mission Control')?.click?.({ checked: false });
    expect(a.openInBrowser).toHaveBeenCalledOnce();
    expect(a.copyApiAccess).toHaveBeenCalledOnce();
    expect(a.startAtLogin.get()).toBe(true);
    expect(fake.menuItem(fake.Tray.instances[0]?.menu ?? null, 'Start at Login')?.checked).toBe(true);
    expect(a.quit).toHaveBeenCalledOnce();
    fake.Tray.instances[0]?.emit('click');
    expect(a.showWindow).toHaveBeenCalledOnce();
    tray.dispose();
  });
});

describe('tray: needs you', () => {
  const icon = () => fake.Tray.instances[0];
  const labels = () => (icon()?.menu?.items ?? []).filter((i) => i.label).map((i) => i.label);

  it('shows the dot and says how many need you while the list is not empty', () => {
    const tray = createAppTray(t.core, actions(), 'linux');
    expect(pngOf(icon()?.image).equals(trayIconPng(''))).toBe(true);
    const one = t.review('First');
    t.review('Second');
    t.settle();
    expect(tray.attention()).toHaveLength(2);
    expect(pngOf(icon()?.image).equals(trayIconPng('', true))).toBe(true);
    expect(icon()?.tooltip).toBe('Mission Control: no sub-agents active\n2 items need you');

    // The count stays, drawn beside the dot.
    t.core.sessions.registerSubagent(one.id, { openclaw_session_id: 's-1' });
    expect(pngOf(icon()?.image).equals(trayIconPng('1', true))).toBe(true);
    expect(icon()?.tooltip).toBe('1 sub-agent active\n2 items need you');

    for (const item of tray.attention()) t.core.attention.dismiss(item.key);
    t.settle();
    expect(pngOf(icon()?.image).equals(trayIconPng('1'))).toBe(true);
    expect(icon()?.tooltip).toBe('1 sub-agent active');
    expect(labels()[0]).toBe('Show Mission Control');
    tray.dispose();
  });

  it('starts with the dot when something already needs you, also on macOS', () => {
    t.review('Waiting since yesterday');
    createAppTray(t.core, actions(), 'darwin');
    expect(pngOf(icon()?.image).equals(trayIconPng('', true))).toBe(true);
    expect(icon()?.tooltip).toBe('Mission Control: no sub-agents active\n1 item needs you');
  });

  it('lists the first five items oldest first, each opening its task, and "N more…" opening the window', () => {
    const a = actions();
    createAppTray(t.core, a, 'linux');
    const tasks = Array.from({ length: 7 }, (_, i) => t.review(`Task ${i} & co`));
    t.settle();
    expect(labels()).toEqual([
      '7 items need you',
      ...tasks.slice(0, 5).map((_, i) => `"Task ${i} && co" waits for review`),
      '2 more…',
      'Show Mission Control',
      'Open in Browser',
      'Copy API URL and Token',
      'Start at Login',
      'Quit Mission Control',
    ]);
    const menu = icon()?.menu ?? null;
    expect(menu?.items[0]?.enabled).toBe(false);
    fake.menuItem(menu, '"Task 3 && co" waits for review')?.click?.({ checked: false });
    expect(a.openTask).toHaveBeenCalledWith(tasks[3]?.id);
    fake.menuItem(menu, '2 more…')?.click?.({ checked: false });
    expect(a.showWindow).toHaveBeenCalledOnce();
  });

  it('follows the list: a dismissed item leaves the menu, a renamed one is relabelled', () => {
    createAppTray(t.core, actions(), 'darwin');
    const a = t.review('Alpha & Beta');
    const b = t.review('Gamma');
    t.settle();
    expect(labels().slice(0, 3)).toEqual([
      '2 items need you',
      '"Alpha & Beta" waits for review',
      '"Gamma" waits for review',
    ]);
    t.core.attention.dismiss(`review:${a.id}`);
    t.core.tasks.update(b.id, { title: 'Gamma, renamed' });
    t.settle();
    expect(labels().slice(0, 3)).toEqual([
      '1 item needs you',
      '"Gamma, renamed" waits for review',
      'Show Mission Control',
    ]);
  });

  it('keeps its menu when the list changes below the first five', () => {
    createAppTray(t.core, actions(), 'linux');
    const tasks = Array.from({ length: 6 }, (_, i) => t.review(`Task ${i}`));
    t.settle();
    const menu = icon()?.menu;
    t.clock.advance(1);
    t.core.tasks.update(tasks[5]?.id ?? '', { description: 'edited, still sixth' });
    t.settle();
    expect(icon()?.menu).toBe(menu);
  });
});
