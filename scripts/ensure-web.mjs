// Builds the web UI (out/web) when it is missing or older than its sources, so `npm run serve` just works.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const built = 'out/web/index.html';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    if (time > latest) latest = time;
  }
  return latest;
}

const stale =
  !existsSync(built) || Math.max(newest('src/renderer'), newest('src/shared')) > statSync(built).mtimeMs;
if (stale) {
  console.log('Building the web UI (out/web) …');
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
}
