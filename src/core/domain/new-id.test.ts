import { describe, expect, it } from 'vitest';
import { newId } from './transactions.ts';

describe('newId', () => {
  it('is a UUIDv7 whose first 48 bits are the time, so later ids sort after earlier ones', () => {
    const id = newId(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
    const ids = [1_000, 1_001, 2_000_000_000_000, 2_000_000_000_001].map((ms) => newId(ms));
    expect([...ids].sort()).toEqual(ids);
  });

  it('never repeats within the same millisecond', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId(1_700_000_000_000)));
    expect(ids.size).toBe(10_000);
  });
});
