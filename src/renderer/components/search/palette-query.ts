// What the palette sends while someone types: the query as typed, with its last word as a prefix
// (`deplo` finds "deploy") once it has two characters, an open phrase closed and a trailing operator
// left out, so a query half-typed still finds things; a finished query goes as it is.

const OPERATORS = new Set(['AND', 'OR', 'NOT']);

export function paletteQuery(typed: string): string {
  let q = typed.trim();
  if (q === '') return q;
  if ((q.match(/"/g) ?? []).length % 2 === 1) return `${q}"`;
  const words = q.split(/\s+/);
  const count = words.length;
  while (words.length > 1 && OPERATORS.has(words.at(-1) as string)) words.pop();
  q = words.join(' ');
  const last = words.at(-1) as string;
  const finished = /\s$/.test(typed) || words.length < count; // a space or an operator came after it
  if (finished || OPERATORS.has(last) || !/^[\p{L}\p{N}_]{2,}$/u.test(last)) return q;
  return `${q}*`;
}
