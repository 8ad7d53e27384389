import { expect, it } from 'vitest';
import { paletteQuery } from './palette-query.ts';

it('makes the last word a prefix once it has two characters', () => {
  expect(paletteQuery('deplo')).toBe('deplo*');
  expect(paletteQuery('fix the deplo')).toBe('fix the deplo*');
  expect(paletteQuery('d')).toBe('d');
  expect(paletteQuery('naïve')).toBe('naïve*');
});

it('closes an open phrase and leaves out a trailing operator while typing', () => {
  expect(paletteQuery('"red fo')).toBe('"red fo"');
  expect(paletteQuery('fox AND')).toBe('fox');
  expect(paletteQuery('fox AND ')).toBe('fox');
  expect(paletteQuery('AND')).toBe('AND');
});

it('leaves finished words, phrases, prefixes and punctuation as typed', () => {
  expect(paletteQuery('deploy ')).toBe('deploy');
  expect(paletteQuery('"red fox"')).toBe('"red fox"');
  expect(paletteQuery('depl*')).toBe('depl*');
  expect(paletteQuery('file.txt')).toBe('file.txt');
  expect(paletteQuery('(a OR b)')).toBe('(a OR b)');
  expect(paletteQuery('   ')).toBe('');
});
