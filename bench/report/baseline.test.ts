import { describe, expect, it } from 'vitest';
import { compare, FACTOR, gates } from './baseline.ts';
import type { Results } from './results.ts';

const run = (ratio: number, heap: number, cold: number): Results => ({
  date: '',
  command: '',
  quick: true,
  commit: '',
  seconds: 0,
  machine: { nproc: 2, cpu: '', memoryGb: 1, os: '', node: '', loadAverage: [] },
  throughput: [
    { op: 'create task', concurrency: 16, rps: 1, ceilingRps: 1, ratio, p50Ms: 1, p99Ms: 1, runs: 1 },
  ],
  memory: [
    {
      server: 'mission-control',
      clients: 1000,
      heapPerClient: heap,
      rssPerClient: 0,
      externalPerClient: 0,
      rssRounds: [],
    },
  ],
  coldStart: {
    runs: 1,
    missionControlMs: [],
    bareMs: [],
    missionControlMedian: 1,
    bareMedian: 1,
    ratio: cold,
    cpuMedian: { missionControl: 1, bare: 1 },
  },
});

describe('regression gate', () => {
  const documented = gates(run(0.3, 5000, 4));

  it('passes noise: figures up to 3× worse than documented, in either direction of "worse"', () => {
    const { failed, lines } = compare(documented, run(0.3 / FACTOR + 0.001, 5000 * 2.9, 4 * 2.9));
    expect(failed).toEqual([]);
    expect(lines).toHaveLength(3);
  });

  it('fails a gross regression: a lower share of the ceiling or a higher cost, past 3×', () => {
    expect(compare(documented, run(0.09, 5000, 4)).failed).toEqual(['throughput.ratio.create task.16']);
    expect(compare(documented, run(0.3, 16_000, 13)).failed).toEqual([
      'memory.heapPerClient',
      'coldStart.ratio',
    ]);
  });

  it('skips figures the quick run did not measure', () => {
    const partial = { ...run(0.3, 5000, 4), memory: undefined, coldStart: undefined };
    expect(compare(documented, partial).lines).toHaveLength(1);
  });

  it('gates create task ÷ the bare durable writer when the run measured it', () => {
    const withDurable = (durableRatio: number): Results => {
      const r = run(0.3, 5000, 4);
      return { ...r, throughput: r.throughput?.map((t) => ({ ...t, durableRps: 1, durableRatio })) };
    };
    const documentedDurable = gates(withDurable(1.2));
    expect(documentedDurable['throughput.durableRatio.create task.16']).toMatchObject({
      value: 1.2,
      worse: 'lower',
    });
    expect(compare(documentedDurable, withDurable(0.5)).failed).toEqual([]);
    expect(compare(documentedDurable, withDurable(0.3)).failed).toEqual([
      'throughput.durableRatio.create task.16',
    ]);
  });
});
