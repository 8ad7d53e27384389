import { expect, it } from 'vitest';
import { highlightParts } from './highlight-parts.ts';

it('splits a snippet at its highlights, astral characters counted as JavaScript does', () => {
  expect(
    highlightParts('😀 fox and fox', [
      [3, 6],
      [11, 14],
    ]),
  ).toEqual([
    { text: '😀 ', marked: false },
    { text: 'fox', marked: true },
    { text: ' and ', marked: false },
    { text: 'fox', marked: true },
  ]);
});

it('skips ranges that overlap, run backwards or past the end, and keeps all the text', () => {
  const parts = highlightParts('abcdef', [
    [1, 3],
    [2, 4],
    [5, 4],
    [4, 99],
  ]);
  expect(parts).toEqual([
    { text: 'a', marked: false },
    { text: 'bc', marked: true },
    { text: 'def', marked: false },
  ]);
  expect(highlightParts('', [])).toEqual([]);
});
