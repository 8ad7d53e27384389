import { describe, expect, it } from 'vitest';
import { safeEqual } from './token.ts';

const SECRET = 'tK9_x2-QpLmN4vB7cR1sD8eF3gH6jJ0kW5yZaUoIiE0';

describe('safeEqual', () => {
  it('accepts exactly the secret', () => {
    expect(safeEqual(SECRET, SECRET)).toBe(true);
    expect(safeEqual(`${SECRET}`.slice(0), SECRET)).toBe(true);
    expect(safeEqual('', '')).toBe(true);
  });

  it('refuses anything else: one character off, a prefix, a longer string, another alphabet', () => {
    for (let i = 0; i < SECRET.length; i++) {
      const wrong = `${SECRET.slice(0, i)}${SECRET[i] === 'a' ? 'b' : 'a'}${SECRET.slice(i + 1)}`;
      expect(safeEqual(wrong, SECRET), `position ${i}`).toBe(false);
    }
    expect(safeEqual(SECRET.slice(0, -1), SECRET)).toBe(false);
    expect(safeEqual('', SECRET)).toBe(false);
    expect(safeEqual(`${SECRET}x`, SECRET)).toBe(false);
    expect(safeEqual(`${SECRET}\u0000`, SECRET)).toBe(false);
    expect(safeEqual(SECRET, '')).toBe(false);
    // A character whose code differs only above the low byte is still a different character.
    expect(safeEqual(`${String.fromCharCode(SECRET.charCodeAt(0) + 256)}${SECRET.slice(1)}`, SECRET)).toBe(
      false,
    );
  });
});
