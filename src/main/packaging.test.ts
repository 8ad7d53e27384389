// Validates electron-builder.yml against electron-builder's own schema, without downloading anything.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngSize } from './icons/png.ts';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const builderConfig = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(
    projectDir: string,
    configPath: string | null,
    fromOptions: unknown,
  ): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, debug: { isEnabled: boolean; add(): void }): Promise<void>;
};

type Config = {
  npmRebuild: boolean;
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  files: Array<string | { filter: string[] }>;
  directories: { buildResources: string };
  linux: { target: string[]; icon: string };
  mac: { target: string; icon: string };
  win: { target: string; icon: string };
};

const load = async () =>
  (await builderConfig.getConfig(root, join(root, 'electron-builder.yml'), null)) as unknown as Config;

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema validation", async () => {
    const config = await load();
    await expect(
      builderConfig.validateConfiguration(config, { isEnabled: false, add() {} }),
    ).resolves.toBeUndefined();
    // …and the validation is real: a misspelt option is refused.
    await expect(
      builderConfig.validateConfiguration({ ...config, npmRebuilt: false }, { isEnabled: false, add() {} }),
    ).rejects.toThrow(/npmRebuilt/);
  });

  it('builds AppImage + deb, dmg and nsis, without rebuilding native modules, .node unpacked', async () => {
    const config = await load();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    const files = config.files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toContain('out/**');
  });

  it('points at icons that exist and are large enough', async () => {
    const config = await load();
    for (const file of [config.mac.icon, config.win.icon]) {
      expect(pngSize(readFileSync(join(root, file))).width).toBeGreaterThanOrEqual(512);
    }
    const linuxIcons = readdirSync(join(root, config.linux.icon));
    for (const name of linuxIcons) {
      const size = Number(name.split('x')[0]);
      expect(pngSize(readFileSync(join(root, config.linux.icon, name)))).toEqual({
        width: size,
        height: size,
      });
    }
    expect(linuxIcons).toContain('512x512.png');
  });

  it('matches package.json: main is the built entry, the preload is the CommonJS bundle main loads', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
    const viteConfig = readFileSync(join(root, 'electron.vite.config.ts'), 'utf8');
    expect(viteConfig).toContain("entryFileNames: '[name].cjs'");
    expect(readFileSync(join(root, 'src/main/lifecycle/app.ts'), 'utf8')).toContain("'preload', 'index.cjs'");
    expect(existsSync(join(root, 'resources', 'icon.png'))).toBe(true);
  });
});
