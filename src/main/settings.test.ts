import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../core/testing/harness.ts';
import { openSettings, SETTINGS_FILE } from './settings.ts';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('desktop settings', () => {
  it('defaults to notifications on and persists a change as JSON', () => {
    expect(openSettings(dir.dir).get()).toEqual({ notifications: true });
    openSettings(dir.dir).update({ notifications: false });
    expect(JSON.parse(readFileSync(join(dir.dir, SETTINGS_FILE), 'utf8'))).toEqual({ notifications: false });
    expect(openSettings(dir.dir).get()).toEqual({ notifications: false });
  });

  it('falls back to defaults for a broken or foreign file', () => {
    writeFileSync(join(dir.dir, SETTINGS_FILE), '{not json');
    expect(openSettings(dir.dir).get()).toEqual({ notifications: true });
    writeFileSync(join(dir.dir, SETTINGS_FILE), '{"notifications":"no","extra":1}');
    expect(openSettings(dir.dir).get()).toEqual({ notifications: true });
  });
});
