import { describe, expect, it } from 'vitest';
import { ansiSegments, findIn, markMatches, plainText } from './ansi.ts';

describe('ansiSegments', () => {
  it('turns SGR codes into classes and colours, keeping the text', () => {
    const segments = ansiSegments(
      '\u001b[31mred\u001b[0m plain \u001b[1;38;5;208mor\u001b[0m \u001b[38;2;1;2;3mtc',
    );
    expect(plainText(segments)).toBe('red plain or tc');
    expect(segments).toEqual([
      { text: 'red', className: 'log-fg-red' },
      { text: ' plain ', className: '' },
      { text: 'or', className: 'log-bold', color: 'rgb(255, 135, 0)' },
      { text: ' ', className: '' },
      { text: 'tc', className: '', color: 'rgb(1, 2, 3)' },
    ]);
  });

  it('leaves markup as text (React escapes it) and skips the parser for plain lines', () => {
    expect(ansiSegments('<b>not bold</b>')).toEqual([{ text: '<b>not bold</b>', className: '' }]);
    expect(plainText(ansiSegments('\u001b[42m<i>\u001b[0m'))).toBe('<i>');
  });
});

describe('find', () => {
  it('finds every case-insensitive match and marks them across colour boundaries', () => {
    const segments = ansiSegments('ab\u001b[32mcAB\u001b[0mab');
    const matches = findIn(plainText(segments), 'Ab');
    expect(matches).toEqual([
      [0, 2],
      [3, 5],
      [5, 7],
    ]);
    const pieces = markMatches(segments, findIn(plainText(segments), 'bc'), 0);
    expect(pieces.map((p) => [p.text, p.mark, p.className])).toEqual([
      ['a', 'none', ''],
      ['b', 'current', ''],
      ['c', 'current', 'log-fg-green'],
      ['AB', 'none', 'log-fg-green'],
      ['ab', 'none', ''],
    ]);
  });
});
