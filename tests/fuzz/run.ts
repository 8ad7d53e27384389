// `npm run test:fuzz`: the nightly-size fuzz of every route (FUZZ_RUNS cases, default 10,000; FUZZ_SEED).
import { fuzzApi } from './fuzz-api.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
console.log(`fuzzing ${runs} requests, seed ${seed} (replay with FUZZ_SEED=${seed})`);
try {
  const report = await fuzzApi({ runs, seed });
  console.log(JSON.stringify(report, null, 2));
  const ok =
    report.serverErrors === 0 &&
    report.integrity === 'ok' &&
    report.foreignKeyViolations === 0 &&
    !report.prototypePolluted;
  console.log(
    `${ok ? 'PASS' : 'FAIL'}: ${report.cases} cases, ${report.serverErrors} 5xx, integrity ${report.integrity}, ` +
      `${(report.ms / 1000).toFixed(1)} s`,
  );
  process.exit(ok ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.log('FAIL');
  process.exit(1);
}
