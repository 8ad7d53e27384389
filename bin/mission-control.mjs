#!/usr/bin/env node
// The `mission-control` bin: runs src/cli/index.ts under a Node that strips TypeScript types —
// this one when it is Node 24+, else the project's Node 24 (node_modules/.bin/node), whose ABI
// better-sqlite3 was built for (serve and backup need it); without that, Node 22.6+ strips types
// itself, and an older one is refused with one line before anything else is loaded.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../src/cli/index.ts', import.meta.url));
const local = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const args = process.argv.slice(2);

function run(node, flags) {
  const child = spawn(node, [...flags, entry, ...args], { stdio: 'inherit' });
  // The terminal sends SIGINT to both; the child decides how to stop, we wait for its code.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal === 'SIGINT' ? 2 : 15)));
  child.on('error', (error) => {
    console.error(`mission-control: cannot start ${node}: ${error.message}`);
    process.exit(3);
  });
}

if (major >= 24) {
  const { main } = await import(entry);
  process.exitCode = await main(args);
} else if (existsSync(local)) {
  run(local, []);
} else if (major > 22 || (major === 22 && minor >= 6)) {
  run(process.execPath, ['--experimental-strip-types', '--no-warnings']);
} else {
  // Nothing of the project is loaded yet: an older Node would crash in better-sqlite3's binary.
  console.error(
    `Mission Control needs Node 22.6 or newer (this is Node ${process.versions.node}); run npm ci in the project, which brings its own Node 24`,
  );
  process.exit(1);
}
