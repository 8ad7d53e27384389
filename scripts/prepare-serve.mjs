// `npm run serve` runs this first: it (re)builds what is missing or older than its sources —
// the web UI (out/web) and the server bundle (out/serve/main.js, and search-worker.js for its indexer), which starts about twice as
// fast as the TypeScript sources (docs/BENCHMARKS.md, cold start) — and puts the entry that checks
// the Node version first (serve-entry.mjs) at out/serve/serve.js.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    if (time > latest) latest = time;
  }
  return latest;
}

const stale = (built, sources) =>
  !existsSync(built) ||
  Math.max(...sources.map(newest), statSync('package-lock.json').mtimeMs) > statSync(built).mtimeMs;

/** One builder at a time (tests and scripts may start together); a lock older than 5 minutes is stale. */
function withLock(fn) {
  const lock = 'out/.prepare-serve.lock';
  mkdirSync('out', { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 5 * 60_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${lock} is held; remove it if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

withLock(() => {
  if (stale('out/web/index.html', ['src/renderer', 'src/shared'])) {
    console.log('Building the web UI (out/web) …');
    execFileSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'],
      {
        stdio: 'inherit',
      },
    );
  }

  // Two bundles: the server, and the search indexer's thread it starts (core/search/client.ts).
  const bundles = [
    ['src/core/serve.ts', 'main.js'],
    ['src/core/search/worker.ts', 'search-worker.js'],
  ];
  if (bundles.some(([, name]) => stale(`out/serve/${name}`, ['src/core', 'src/shared']))) {
    console.log('Bundling the server (out/serve) …');
    for (const [input, name] of bundles)
      execFileSync(
        'node_modules/.bin/rolldown',
        [
          input,
          '--platform',
          'node',
          '--format',
          'esm',
          '-d',
          'out/serve',
          '--entryFileNames',
          name,
          '--external',
          'better-sqlite3',
        ],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
  }

  const entry = 'out/serve/serve.js';
  const source = 'scripts/serve-entry.mjs';
  if (!existsSync(entry) || !readFileSync(entry).equals(readFileSync(source))) copyFileSync(source, entry);
});
