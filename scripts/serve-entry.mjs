// The entry `npm run serve` runs, copied to out/serve/serve.js by prepare-serve.mjs. It checks the
// Node version before anything is imported (static imports would be evaluated first): the bundle
// (out/serve/main.js) loads better-sqlite3, whose binary crashes an older Node instead of failing.
const [major = 0] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(
    `Mission Control needs Node 22 or newer (this is Node ${process.versions.node}); use npm run serve, which brings its own Node 24`,
  );
  process.exit(1);
}
const { runServe } = await import('./main.js');
process.exit(await runServe(process.argv.slice(2)));
