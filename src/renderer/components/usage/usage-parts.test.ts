import { describe, expect, it } from 'vitest';
import type { UsageRow } from '../../../shared/usage.ts';
import { toPrices } from './PricesEditor.tsx';
import { chartData } from './UsageChart.tsx';
import { windowStart } from './usage-controller.ts';

const row = (key: string, cost_usd: number | null, tokens = 10): UsageRow => ({
  key,
  input_tokens: tokens,
  output_tokens: 1,
  cache_read_tokens: 0,
  cache_write_tokens: 0,
  cost_usd,
  reports: 1,
  unpriced_reports: cost_usd === null ? 1 : 0,
});

describe('the Usage view parts', () => {
  const now = Date.parse('2026-03-10T15:00:00Z');

  it('starts a window of N days N - 1 days before today (UTC)', () => {
    expect(windowStart(1, now)).toBe('2026-03-10');
    expect(windowStart(7, now)).toBe('2026-03-04');
  });

  it('charts one bar a day over the window, zero where nothing was reported', () => {
    const data = chartData([row('2026-03-05', 0.5), row('2026-03-10', null, 40)], 7, now);
    expect(data.map((d) => d.day)).toEqual(['03-04', '03-05', '03-06', '03-07', '03-08', '03-09', '03-10']);
    expect(data.map((d) => d.cost)).toEqual([0, 0.5, 0, 0, 0, 0, 0]);
    expect(data.at(-1)?.tokens).toBe(41);
  });

  it('turns the edited rows into prices: unnamed rows dropped, empty cache rates left out', () => {
    const rates = (i: number | '', o: number | '', r: number | '', w: number | '') => ({
      input_per_mtok: i,
      output_per_mtok: o,
      cache_read_per_mtok: r,
      cache_write_per_mtok: w,
    });
    expect(
      toPrices([
        { model: ' sonnet ', rates: rates(3, 15, 0.3, '') },
        { model: '', rates: rates(1, 1, '', '') },
        { model: 'local', rates: rates('', '', '', 0) },
      ]),
    ).toEqual({
      sonnet: { input_per_mtok: 3, output_per_mtok: 15, cache_read_per_mtok: 0.3 },
      local: { input_per_mtok: 0, output_per_mtok: 0, cache_write_per_mtok: 0 },
    });
  });
});
