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

const allOn = {
  review: true,
  stale_session: true,
  failed_session: true,
  lease_expired: true,
  stuck: true,
  over_budget: true,
  webhook_failing: true,
};

describe('desktop settings', () => {
  it('defaults to notifications on and persists a change as JSON', () => {
    expect(openSettings(dir.dir).get()).toEqual({ notifications: true, attention: allOn });
    openSettings(dir.dir).update({ notifications: false });
    expect(JSON.parse(readFileSync(join(dir.dir, SETTINGS_FILE), 'utf8'))).toEqual({
      notifications: false,
      attention: allOn,
    });
    expect(openSettings(dir.dir).get()).toEqual({ notifications: false, attention: allOn });
  });

  it('persists one attention kind switched off, keeping the others', () => {
    openSettings(dir.dir).setAttentionKind('failed_session', false);
    expect(openSettings(dir.dir).get().attention).toEqual({ ...allOn, failed_session: false });
  });

  it('falls back to defaults for a broken or foreign file', () => {
    writeFileSync(join(dir.dir, SETTINGS_FILE), '{not json');
    expect(openSettings(dir.dir).get()).toEqual({ notifications: true, attention: allOn });
    writeFileSync(join(dir.dir, SETTINGS_FILE), '{"notifications":"no","extra":1,"attention":"all"}');
    expect(openSettings(dir.dir).get()).toEqual({ notifications: true, attention: allOn });
    writeFileSync(join(dir.dir, SETTINGS_FILE), 'null');
    expect(openSettings(dir.dir).get()).toEqual({ notifications: true, attention: allOn });
  });

  it('reads a file from before the attention switches (all on) and drops unknown kinds', () => {
    writeFileSync(join(dir.dir, SETTINGS_FILE), '{"notifications":false}');
    expect(openSettings(dir.dir).get()).toEqual({ notifications: false, attention: allOn });
    writeFileSync(
      join(dir.dir, SETTINGS_FILE),
      '{"notifications":true,"attention":{"review":false,"stuck":"yes","retired_kind":false}}',
    );
    expect(openSettings(dir.dir).get().attention).toEqual({ ...allOn, review: false });
  });
});
