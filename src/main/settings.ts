// Desktop settings persisted as JSON in userData; unknown or broken content falls back to defaults.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface DesktopSettings {
  /** Native notifications for tasks reaching review/done and failed sub-agent sessions. */
  notifications: boolean;
}

const DEFAULT_SETTINGS: DesktopSettings = { notifications: true };
export const SETTINGS_FILE = 'settings.json';

export interface SettingsStore {
  get(): DesktopSettings;
  update(changes: Partial<DesktopSettings>): DesktopSettings;
}

function read(file: string): DesktopSettings {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const value = parsed as Partial<DesktopSettings>;
    return {
      notifications:
        typeof value?.notifications === 'boolean' ? value.notifications : DEFAULT_SETTINGS.notifications,
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function openSettings(dir: string): SettingsStore {
  const file = join(dir, SETTINGS_FILE);
  let current = read(file);
  return {
    get: () => current,
    update(changes) {
      current = { ...current, ...changes };
      mkdirSync(dir, { recursive: true });
      // Write then rename, so a crash mid-write never leaves a half file behind.
      writeFileSync(`${file}.tmp`, `${JSON.stringify(current, null, 2)}\n`);
      renameSync(`${file}.tmp`, file);
      return current;
    },
  };
}
