import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./testing/fake-electron.ts'));
const fake = await import('./testing/fake-electron.ts');
const { createMainWindow, webPreferences } = await import('./window.ts');

const ORIGIN = 'app://mission-control/index.html';
let quitting = false;
const open = () =>
  createMainWindow({ preloadPath: '/p/index.cjs', url: ORIGIN, origin: ORIGIN, isQuitting: () => quitting });

beforeEach(() => {
  fake.resetFakeElectron();
  quitting = false;
});

describe('main window', () => {
  it('is created with every security flag on and our preload', () => {
    const prefs = (open() as unknown as InstanceType<typeof fake.BrowserWindow>).options.webPreferences;
    expect(prefs).toEqual(webPreferences('/p/index.cjs'));
    expect(prefs).toMatchObject({
      preload: '/p/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('loads the app:// page and shows once ready', () => {
    const win = open() as unknown as InstanceType<typeof fake.BrowserWindow>;
    expect(win.loadedUrl).toBe(ORIGIN);
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('hides instead of closing until the app quits', () => {
    const win = open() as unknown as InstanceType<typeof fake.BrowserWindow>;
    win.show();
    win.close();
    expect(win.isDestroyed()).toBe(false);
    expect(win.visible).toBe(false);
    quitting = true;
    win.close();
    expect(win.isDestroyed()).toBe(true);
  });
});

describe('navigation and new windows', () => {
  const contents = () => (open() as unknown as InstanceType<typeof fake.BrowserWindow>).webContents;

  it('stays on its own origin and sends http(s) links to the OS browser', () => {
    const wc = contents();
    expect(wc.attempt('will-navigate', 'app://mission-control/index.html#task')).toBe(false);
    expect(wc.attempt('will-navigate', 'https://example.com/docs')).toBe(true);
    expect(fake.shell.opened).toEqual(['https://example.com/docs']);
  });

  it('drops navigation to other schemes and other app hosts without opening anything', () => {
    const wc = contents();
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://evil/index.html',
      'smb://host/share',
    ]) {
      expect(wc.attempt('will-navigate', url)).toBe(true);
    }
    expect(wc.attempt('will-redirect', 'https://elsewhere.test/')).toBe(true);
    expect(fake.shell.opened).toEqual([]);
  });

  it('denies window.open, opening only http(s) targets externally', () => {
    const wc = contents();
    const handler = wc.windowOpenHandler;
    expect(handler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'file:///home/me/x.sh' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fake.shell.opened).toEqual(['https://example.com/']);
  });

  it('refuses webviews and every permission request', () => {
    const wc = contents();
    expect(wc.attempt('will-attach-webview', {}, {})).toBe(true);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      wc.session.permissionRequest?.(wc, permission, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(wc.session.permissionCheck?.(wc, 'media')).toBe(false);
  });
});
