// Turns what a person types into an FTS5 query: words, "phrases", prefix*, AND / OR / NOT in
// capitals and parentheses. Every word and phrase is quoted, so punctuation inside a word
// (`file.txt`, `foo-bar`, `http://x`) is a phrase of its tokens rather than FTS5 syntax (a column
// filter, NEAR …). A structure FTS5 would refuse (an unbalanced quote or parenthesis, a dangling
// operator) is reported here, with a message a person can act on.
import { DomainError } from './errors.ts';

type Token =
  | { kind: 'term'; text: string; prefix: boolean }
  | { kind: 'op'; text: 'AND' | 'OR' | 'NOT' }
  | { kind: 'open' }
  | { kind: 'close' };

export const badQuery = (message: string) => new DomainError('bad_query', message);

/** True when `text` holds something a unicode61 tokenizer keeps (a letter or a digit). */
const hasWord = (text: string) => /[\p{L}\p{N}]/u.test(text);

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      const end = query.indexOf('"', i + 1);
      if (end === -1) throw badQuery('Unbalanced quote: a phrase needs a closing "');
      const prefix = query[end + 1] === '*';
      tokens.push({ kind: 'term', text: query.slice(i + 1, end), prefix });
      i = end + 1 + (prefix ? 1 : 0);
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'open' : 'close' });
      i++;
    } else {
      let end = i;
      while (end < query.length && !/[\s"()]/.test(query[end] as string)) end++;
      const word = query.slice(i, end);
      i = end;
      if (word === 'AND' || word === 'OR' || word === 'NOT') tokens.push({ kind: 'op', text: word });
      else {
        const prefix = word.endsWith('*');
        tokens.push({ kind: 'term', text: word.replace(/\*+$/, ''), prefix });
      }
    }
  }
  // Words of punctuation only have no tokens to match; they are left out rather than refused.
  return tokens.filter((t) => t.kind !== 'term' || hasWord(t.text));
}

/** Checks the order of operands and operators: FTS5's AND, OR and NOT are all binary. */
function checkStructure(tokens: Token[]): void {
  let depth = 0;
  let expectOperand = true; // at the start, after an operator, after "("
  for (const t of tokens) {
    if (t.kind === 'op') {
      if (expectOperand) throw badQuery(`Dangling operator ${t.text}: it needs a word on each side`);
      expectOperand = true;
    } else if (t.kind === 'close') {
      if (depth === 0) throw badQuery('Unbalanced parenthesis: ")" without "("');
      if (expectOperand) throw badQuery('Empty or unfinished group before ")"');
      depth--;
    } else {
      if (t.kind === 'open') {
        depth++;
        expectOperand = true;
      } else expectOperand = false;
    }
  }
  if (depth > 0) throw badQuery('Unbalanced parenthesis: "(" without ")"');
  const last = tokens.at(-1);
  if (last?.kind === 'op') throw badQuery(`Dangling operator ${last.text}: it needs a word on each side`);
}

/**
 * The FTS5 MATCH expression for `query`, or null when it holds no word at all (nothing can match).
 * Throws `bad_query` for a query that cannot be parsed.
 */
export function toFtsQuery(query: string): string | null {
  const tokens = tokenize(query);
  checkStructure(tokens);
  if (!tokens.some((t) => t.kind === 'term')) return null;
  return tokens
    .map((t) => {
      if (t.kind === 'open') return '(';
      if (t.kind === 'close') return ')';
      if (t.kind === 'op') return t.text;
      return `"${t.text.replaceAll('"', '""')}"${t.prefix ? '*' : ''}`;
    })
    .join(' ');
}
