// Desktop settings persisted as JSON in userData; unknown or broken content falls back to defaults.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ATTENTION_KINDS, type AttentionKind } from '../shared/enums.ts';

/** One notification switch per kind of attention item. */
export type AttentionSwitches = Record<AttentionKind, boolean>;

interface DesktopSettings {
  /** Native notifications at all (the master switch over the ones below and "Done"). */
  notifications: boolean;
  /** Which new attention items get a notification. */
  attention: AttentionSwitches;
}

const allOn = (): AttentionSwitches =>
  Object.fromEntries(ATTENTION_KINDS.map((kind) => [kind, true])) as AttentionSwitches;

const defaults = (): DesktopSettings => ({ notifications: true, attention: allOn() });
export const SETTINGS_FILE = 'settings.json';

export interface SettingsStore {
  get(): DesktopSettings;
  update(changes: Partial<DesktopSettings>): DesktopSettings;
  /** Turns one attention kind's notifications on or off, keeping the others. */
  setAttentionKind(kind: AttentionKind, enabled: boolean): DesktopSettings;
}

const bool = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);

function read(file: string): DesktopSettings {
  const base = defaults();
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
    // A kind added later starts on; one no longer known is dropped.
    const saved = (value?.attention ?? {}) as Record<string, unknown>;
    return {
      notifications: bool(value?.notifications, base.notifications),
      attention: Object.fromEntries(
        ATTENTION_KINDS.map((kind) => [kind, bool(saved[kind], base.attention[kind])]),
      ) as AttentionSwitches,
    };
  } catch {
    return base;
  }
}

export function openSettings(dir: string): SettingsStore {
  const file = join(dir, SETTINGS_FILE);
  let current = read(file);
  const update = (changes: Partial<DesktopSettings>) => {
    current = { ...current, ...changes };
    mkdirSync(dir, { recursive: true });
    // Write then rename, so a crash mid-write never leaves a half file behind.
    writeFileSync(`${file}.tmp`, `${JSON.stringify(current, null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
    return current;
  };
  return {
    get: () => current,
    update,
    setAttentionKind: (kind, enabled) => update({ attention: { ...current.attention, [kind]: enabled } }),
  };
}
