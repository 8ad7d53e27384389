import { expect, it } from 'vitest';
import { toFtsQuery } from './search-query.ts';

it('quotes every word and phrase, keeps prefixes, operators in capitals and groups', () => {
  expect(toFtsQuery('red fox')).toBe('"red" "fox"');
  expect(toFtsQuery('"red fox" jump*')).toBe('"red fox" "jump"*');
  expect(toFtsQuery('"red f"*')).toBe('"red f"*');
  expect(toFtsQuery('(a OR b) NOT c')).toBe('( "a" OR "b" ) NOT "c"');
  expect(toFtsQuery('a and b')).toBe('"a" "and" "b"');
  expect(toFtsQuery('file.txt title:x NEAR')).toBe('"file.txt" "title:x" "NEAR"');
});

it('leaves out words without letters or digits, and answers null when none is left', () => {
  expect(toFtsQuery('fox -- ...')).toBe('"fox"');
  expect(toFtsQuery('-- ...')).toBeNull();
  expect(toFtsQuery('""')).toBeNull();
});

it('refuses unbalanced quotes and parentheses, dangling operators and empty groups', () => {
  for (const q of ['"open', 'a AND', 'NOT a', 'a OR OR b', 'OR', '(a', 'a)', '()', 'a (AND b)', '(a OR) b'])
    expect(() => toFtsQuery(q), q).toThrow(expect.objectContaining({ code: 'bad_query' }));
});
