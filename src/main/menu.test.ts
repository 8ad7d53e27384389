import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../core/testing/harness.ts';
import { openSettings } from './settings.ts';

vi.mock('electron', () => import('./testing/fake-electron.ts'));
const fake = await import('./testing/fake-electron.ts');
const { installMenu, NOTIFY_ABOUT } = await import('./menu.ts');

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  fake.resetFakeElectron();
  dir = tempDir();
});
afterEach(() => dir.cleanup());

/** The menu as the app installs it, over real settings. */
const install = (platform: NodeJS.Platform) => {
  const settings = openSettings(dir.dir);
  installMenu(
    {
      notifications: {
        get: () => settings.get().notifications,
        set: (enabled) => settings.update({ notifications: enabled }),
      },
      attention: {
        get: (kind) => settings.get().attention[kind],
        set: (kind, enabled) => settings.setAttentionKind(kind, enabled),
      },
      showWindow: vi.fn(),
      quit: vi.fn(),
      isDev: false,
    },
    platform,
  );
  return settings;
};
const item = (label: string) => fake.menuItem(fake.Menu.applicationMenu, label);

describe('application menu: notification switches', () => {
  it('has a checkbox per kind of attention item, all on by default', () => {
    install('linux');
    expect(fake.Menu.applicationMenu?.items[0]?.label).toBe('File');
    const kinds = item(NOTIFY_ABOUT)?.submenu ?? [];
    expect(kinds.map((k) => [k.label, k.type, k.checked])).toEqual([
      ['Tasks Waiting for Review', 'checkbox', true],
      ['Silent Sub-agents', 'checkbox', true],
      ['Failed Sub-agents', 'checkbox', true],
      ['Expired Leases', 'checkbox', true],
      ['Stuck Tasks', 'checkbox', true],
      ['Tasks over Budget', 'checkbox', true],
      ['Failing Webhooks', 'checkbox', true],
    ]);
  });

  it('saves a kind switched off, and shows it off the next time', () => {
    const settings = install('darwin');
    expect(fake.Menu.applicationMenu?.items[0]?.label).toBe('Mission Control');
    item('Silent Sub-agents')?.click?.({ checked: false });
    expect(settings.get().attention.stale_session).toBe(false);
    expect(openSettings(dir.dir).get().attention).toMatchObject({ stale_session: false, review: true });
    install('darwin');
    expect(item('Silent Sub-agents')?.checked).toBe(false);
    expect(item('Tasks Waiting for Review')?.checked).toBe(true);
  });

  it('greys out the kinds while all notifications are off', () => {
    const settings = install('linux');
    expect(item(NOTIFY_ABOUT)?.enabled).toBe(true);
    item('Notifications')?.click?.({ checked: false });
    expect(settings.get().notifications).toBe(false);
    expect(item('Notifications')?.checked).toBe(false);
    expect(item(NOTIFY_ABOUT)?.enabled).toBe(false);
    item('Notifications')?.click?.({ checked: true });
    expect(item(NOTIFY_ABOUT)?.enabled).toBe(true);
  });
});
