// The JSON depth guard agrees with the real nesting depth of any JSON value, brackets in strings included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds } from './json-depth.ts';

const depthOf = (value: unknown): number =>
  value !== null && typeof value === 'object'
    ? 1 + Math.max(0, ...Object.values(value as Record<string, unknown>).map(depthOf))
    : 0;

describe('jsonDepthExceeds', () => {
  it('matches the nesting depth of any JSON value', () => {
    const tricky = fc.constantFrom('[', ']', '{', '}', '"', '\\', '\\"[', '"]}');
    const value = fc.jsonValue({ maxDepth: 8 }).chain((v) =>
      fc.oneof(
        fc.constant(v),
        fc.tuple(tricky, fc.constant(v)).map(([s, x]) => ({ [s]: [s, x] })),
      ),
    );
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 10 }), (v, max) => {
        expect(jsonDepthExceeds(JSON.stringify(v), max)).toBe(depthOf(v) > max);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('stops early on a huge nesting', () => {
    expect(jsonDepthExceeds('['.repeat(1_000_000))).toBe(true);
  });
});
