import { describe, expect, it } from 'vitest';
import { LineSplitter, splitText } from './lines.ts';

const b = (text: string) => Buffer.from(text);

describe('LineSplitter', () => {
  it('holds a partial line until its end comes, and drops the \\r of \\r\\n', () => {
    const s = new LineSplitter();
    expect(s.push(b('one\r\ntw'))).toEqual(['one']);
    expect(s.push(b('o'))).toEqual([]);
    expect(s.push(b('\n\nthree\r'))).toEqual(['two', '']);
    expect(s.push(b('\nfour'))).toEqual(['three']);
    expect(s.end()).toEqual(['four']);
    expect(s.end()).toEqual([]);
  });

  it('keeps a character split across chunks whole', () => {
    const s = new LineSplitter();
    const euro = b('€\n'); // e2 82 ac 0a
    expect(s.push(euro.subarray(0, 1))).toEqual([]);
    expect(s.push(euro.subarray(1, 2))).toEqual([]);
    expect(s.push(euro.subarray(2))).toEqual(['€']);
  });

  it('cuts lines longer than 16 KB into pieces of at most 16 KB, never inside a character', () => {
    const s = new LineSplitter();
    const long = `${'a'.repeat(16_383)}€${'b'.repeat(20_000)}`;
    const lines = [...s.push(b(long.slice(0, 10_000))), ...s.push(b(`${long.slice(10_000)}\nnext\n`))];
    expect(lines.join('')).toBe(`${long}next`);
    expect(lines.at(-1)).toBe('next');
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(16 * 1024);
    expect(lines[0]).toBe('a'.repeat(16_383)); // the € (3 bytes) did not fit
    expect(lines[1]?.startsWith('€b')).toBe(true);
  });

  it('shows invalid UTF-8 as U+FFFD and still keeps lines within 16 KB', () => {
    const s = new LineSplitter();
    const lines = s.push(Buffer.concat([Buffer.alloc(16_000, 0xff), b('\n')]));
    expect(lines.join('')).toBe('\uFFFD'.repeat(16_000));
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(16 * 1024);
  });
});

describe('splitText', () => {
  it('keeps surrogate pairs together', () => {
    expect(splitText('😀😀😀', 8)).toEqual(['😀😀', '😀']);
    expect(splitText('short', 8)).toEqual(['short']);
  });
});
