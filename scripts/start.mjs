// `npm start`: the desktop app in development (electron-vite dev) when Electron can run here;
// otherwise it says why and runs the headless server (same core, same web UI) with the same args.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron executable if it is on disk (never triggers electron's download), else null. */
export function electronBinary(root = ROOT, env = process.env) {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const file = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(file) ? file : null;
  }
  if (!relative) return null;
  const file = join(pkg, 'dist', relative);
  return existsSync(file) ? file : null;
}

/** Linux needs an X11 or Wayland display; macOS and Windows always have one. */
export function hasDisplay(platform = process.platform, env = process.env) {
  if (platform !== 'linux') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * What to run. The binary is fetched on first use (electron's install script is not run at npm
 * install time, see allowScripts); `fetch` tries that once and returns the binary or null.
 */
export function decide({ headless, display, binary, fetch }) {
  if (headless) return { mode: 'headless', reason: 'headless mode was asked for (--headless)' };
  if (!display)
    return { mode: 'headless', reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  const found = binary ?? fetch();
  if (!found)
    return { mode: 'headless', reason: 'no Electron binary is installed and it could not be downloaded' };
  return { mode: 'desktop', binary: found };
}

function fetchElectron() {
  console.log('Electron is not downloaded yet; fetching it once (node_modules/electron/install.js) …');
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron', 'install.js')], {
    stdio: 'inherit',
    timeout: 180_000,
  });
  return result.status === 0 ? electronBinary() : null;
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: ROOT });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function main() {
  const args = process.argv.slice(2);
  const headless = args.includes('--headless') || process.env.MISSION_CONTROL_HEADLESS === '1';
  const serveArgs = args.filter((a) => a !== '--headless');
  const choice = decide({ headless, display: hasDisplay(), binary: electronBinary(), fetch: fetchElectron });
  if (choice.mode === 'desktop') {
    if (serveArgs.length)
      console.log(`(the desktop app ignores ${serveArgs.join(' ')}: it picks its own port)`);
    run(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'dev']);
    return;
  }
  console.log(`Not starting the desktop app: ${choice.reason}.`);
  console.log('Running the headless server instead (the board is at the URL below, in any browser).');
  // The same path as `npm run serve`: build the web UI and the server bundle when stale, then run it.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'prepare-serve.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  run(process.execPath, [join(ROOT, 'out', 'serve', 'serve.js'), ...serveArgs]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
