// Playwright config for the desktop app (`npx playwright test -c tests/electron`):
// - electron: the real app through _electron; needs an Electron binary and a display (xvfb-run),
//   skips with the reason otherwise;
// - desktop-renderer: the desktop build of the board in the system Chromium, under the desktop CSP,
//   talking to a real core through a stand-in for the preload bridge. Runs everywhere.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';

export default defineConfig({
  testDir: '.',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '../../test-results/playwright-desktop.json' }]],
  outputDir: '../../test-results/electron',
  projects: [
    { name: 'electron', testMatch: 'app.spec.ts' },
    {
      name: 'desktop-renderer',
      testMatch: 'desktop-renderer.spec.ts',
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1600, height: 900 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
});
