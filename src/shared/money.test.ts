import { describe, expect, it } from 'vitest';
import { costMicros, formatUsd, fromMicros, toMicros } from './money.ts';

describe('micro-dollars', () => {
  it('reads a decimal through its spelling, never through float arithmetic', () => {
    expect(toMicros(0.1)).toBe(100_000);
    expect(toMicros(0.000001)).toBe(1);
    expect(toMicros(1e-6)).toBe(1);
    expect(toMicros(0.3)).toBe(300_000);
    expect(toMicros(1.005)).toBe(1_005_000);
    expect(toMicros(123456.789012)).toBe(123_456_789_012);
    expect(toMicros('19.99')).toBe(19_990_000);
    expect(toMicros(2e3)).toBe(2_000_000_000);
  });

  it('rounds half up at the micro-dollar', () => {
    expect(toMicros(0.0000015)).toBe(2);
    expect(toMicros(0.0000014999)).toBe(1);
    expect(toMicros(0.0000005)).toBe(1);
    expect(toMicros(0.0000004)).toBe(0);
    expect(toMicros(1.5e-7)).toBe(0);
  });

  it('refuses what is not a plain non-negative decimal, or too large', () => {
    expect(toMicros(-1)).toBeNull();
    expect(toMicros('abc')).toBeNull();
    expect(toMicros(1e300)).toBeNull();
  });

  it('answers dollars as the double nearest the exact amount', () => {
    expect(fromMicros(100_000)).toBe(0.1);
    expect(fromMicros(300_000)).toBe(0.3);
    expect(fromMicros(toMicros(0.1) as number) + 0).toBe(0.1);
  });

  it('prices tokens per million, rounding once over the report', () => {
    const prices = { input: 3_000_000, output: 15_000_000, cache_read: 300_000, cache_write: null };
    // 1,000 × $3/M = $0.003; 200 × $15/M = $0.003; 10,000 × $0.30/M = $0.003
    expect(
      costMicros(
        { input_tokens: 1000, output_tokens: 200, cache_read_tokens: 10_000, cache_write_tokens: 0 },
        prices,
      ),
    ).toBe(9000);
    // 1 token at $0.30/M is 0.3 micro-dollars: rounds to 0; 2 tokens (0.6) to 1.
    const cheap = { input: 300_000, output: 0, cache_read: null, cache_write: null };
    expect(
      costMicros({ input_tokens: 1, output_tokens: 0, cache_read_tokens: 0, cache_write_tokens: 0 }, cheap),
    ).toBe(0);
    expect(
      costMicros({ input_tokens: 2, output_tokens: 0, cache_read_tokens: 0, cache_write_tokens: 0 }, cheap),
    ).toBe(1);
    // Cache tokens without a cache price: unknown, not guessed.
    expect(
      costMicros({ input_tokens: 1, output_tokens: 0, cache_read_tokens: 0, cache_write_tokens: 5 }, prices),
    ).toBeNull();
  });

  it('formats dollars for the board', () => {
    expect(formatUsd(null)).toBe('—');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.0012)).toBe('$0.0012');
    expect(formatUsd(1234.5)).toBe('$1,234.50');
  });
});
