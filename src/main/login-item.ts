// "Start at login": Electron's login items on macOS/Windows; an XDG autostart entry on Linux,
// where Electron has no API for it.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';

export interface LoginItem {
  get(): boolean;
  set(enabled: boolean): void;
}

function linuxAutostartFile(env: NodeJS.ProcessEnv = process.env): string {
  const config = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(config, 'autostart', 'mission-control.desktop');
}

export function loginItem(platform = process.platform, env: NodeJS.ProcessEnv = process.env): LoginItem {
  if (platform !== 'linux') {
    return {
      get: () => app.getLoginItemSettings().openAtLogin,
      set: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
    };
  }
  const file = linuxAutostartFile(env);
  // An AppImage runs from a temporary mount: start the image itself, not the mounted binary.
  const exec = env.APPIMAGE || process.execPath;
  return {
    get: () => existsSync(file),
    set(enabled) {
      if (!enabled) return rmSync(file, { force: true });
      mkdirSync(join(file, '..'), { recursive: true });
      const quoted = `"${exec.replace(/(["`$\\])/g, '\\$1')}"`;
      writeFileSync(
        file,
        `[Desktop Entry]\nType=Application\nName=Mission Control\nExec=${quoted}\nX-GNOME-Autostart-enabled=true\n`,
      );
    },
  };
}
