import { expect, it } from 'vitest';
import { backoffMs, RETRY_CAP_MS } from './outcomes.ts';

it('backs off 1 s, 2 s, 4 s … up to 5 min, jitter taking at most a quarter off', () => {
  expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, () => 1))).toEqual([1000, 2000, 4000, 8000, 16_000]);
  expect(backoffMs(9, () => 1)).toBe(256_000);
  expect(backoffMs(10, () => 1)).toBe(RETRY_CAP_MS);
  expect(backoffMs(50, () => 0)).toBe(RETRY_CAP_MS * 0.75);
  const spread = new Set<number>();
  for (let i = 0; i < 200; i++) {
    const wait = backoffMs(3);
    expect(wait).toBeGreaterThanOrEqual(3000);
    expect(wait).toBeLessThanOrEqual(4000);
    spread.add(wait);
  }
  expect(spread.size).toBeGreaterThan(50);
});
