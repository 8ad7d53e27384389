// Short load run in the suite (the 1,000-client, 60 s one is `npm run test:load`): the real server process.
import { describe, expect, it } from 'vitest';
import { runLoad } from '../../../tests/load/load.ts';

describe('stream under load', () => {
  it('delivers every event exactly once, in order, to 50 clients during 3 s of writes', async () => {
    const report = await runLoad({ clients: 50, rate: 200, seconds: 3, workers: 0 });
    expect(report.problems).toEqual([]);
    expect(report.failedWrites).toBe(0);
    expect(report.writes).toBeGreaterThan(300);
    expect(report.delivered).toBe(report.expected);
    expect(report.clientsComplete).toBe(50);
    expect(report.exact).toBe(true);
    expect(report.latencyMs.samples).toBeGreaterThan(0);
  }, 60_000);
});
