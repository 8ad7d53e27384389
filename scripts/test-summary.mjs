// Sums every suite's JSON report in test-results/ into the one line CI reads: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
const exitArg = process.argv.indexOf('--exit-code');
const exitCode = exitArg === -1 ? 0 : Number(process.argv[exitArg + 1]);

let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

const vitest = read('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  lines.push(`vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
}

for (const [name, file] of [
  ['playwright (web)', 'test-results/playwright.json'],
  ['playwright (desktop)', 'test-results/playwright-desktop.json'],
]) {
  const playwright = read(file);
  if (!playwright) continue;
  const { expected = 0, unexpected = 0, flaky = 0, skipped: pwSkipped = 0 } = playwright.stats ?? {};
  passed += expected + flaky;
  failed += unexpected;
  skipped += pwSkipped;
  lines.push(
    `${name}: ${expected + flaky} passed (${flaky} flaky), ${unexpected} failed, ${pwSkipped} skipped`,
  );
}

// Extra checks that are not test suites (`--check bench:quick=0`): one passed or failed each.
for (let i = 0; i < process.argv.length; i++) {
  if (process.argv[i] !== '--check') continue;
  const [name, code] = (process.argv[i + 1] ?? '').split('=');
  if (Number(code) === 0) passed += 1;
  else failed += 1;
  lines.push(`${name}: ${Number(code) === 0 ? 'passed' : `failed (exit ${code})`}`);
}

// A stage that failed before any suite could report (lint, typecheck, build) still counts as a failure.
if (exitCode !== 0 && failed === 0) {
  failed += 1;
  lines.push('a check failed before or outside the test suites (lint, typecheck or build): see above');
}

for (const line of lines) console.log(line);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
