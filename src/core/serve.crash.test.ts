// Short crash-recovery run in the suite (the 20-cycle one is `npm run test:crash`): kill -9 the real server.
import { describe, expect, it } from 'vitest';
import { runCrashCycles } from '../../tests/crash/crash-cycles.ts';

describe('kill -9 under concurrent writers and stream readers', () => {
  it('keeps every acknowledged write exactly once and every reader gap-free across restarts', async () => {
    const report = await runCrashCycles({
      cycles: 3,
      writers: 3,
      readers: 2,
      seed: 424242,
      minRunMs: 200,
      maxRunMs: 700,
    });
    expect(report.problems).toEqual([]);
    expect(report.integrity).toBe('ok');
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.ackedWrites).toBeGreaterThan(50);
    // Writes were in flight at each kill and were retried with their Idempotency-Key.
    expect(report.lostAnswers).toBeGreaterThanOrEqual(3);
    expect(report.followerEvents).toBe(report.events * 2);
  }, 60_000);
});
