// Playwright config for the real desktop app (`npx playwright test -c tests/electron`).
// Needs an Electron binary in node_modules/electron/dist and a display (xvfb-run on Linux CI).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
