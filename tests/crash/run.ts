// `npm run test:crash`: 20 kill -9 cycles of the real server under writers and readers (CRASH_CYCLES, CRASH_SEED).
import { runCrashCycles } from './crash-cycles.ts';

const cycles = Number(process.env.CRASH_CYCLES ?? 20);
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
console.log(`${cycles} crash cycles, 4 writers, 3 readers, seed ${seed} (replay with CRASH_SEED=${seed})`);
const report = await runCrashCycles({
  cycles,
  writers: 4,
  readers: 3,
  seed,
  minRunMs: 300,
  maxRunMs: 2000,
  log: console.log,
});
console.log(JSON.stringify(report, null, 2));
const ok =
  report.lost === 0 && report.duplicated === 0 && report.integrity === 'ok' && report.problems.length === 0;
console.log(
  `${ok ? 'PASS' : 'FAIL'}: ${report.cycles} kill -9 cycles, ${report.ackedWrites} acknowledged writes, ` +
    `${report.lost} lost, ${report.duplicated} duplicated, ${report.lostAnswers} answers lost and retried ` +
    `(${report.appliedBeforeKill} had committed), ${report.followerEvents} events to readers, integrity ${report.integrity}`,
);
process.exit(ok ? 0 : 1);
