// `mission-control search QUERY`: full-text search across tasks, activities, deliverables,
// comments and session logs, one hit per line with its match in brackets.
import type { SearchHit } from '../../shared/search.ts';
import { bounded, str, UsageError } from '../args.ts';
import type { CliCommand } from '../command.ts';

/** The snippet with each highlight in [brackets] (a terminal has no <mark>). */
export function bracketed(hit: Pick<SearchHit, 'snippet' | 'highlights'>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of hit.highlights) {
    out += `${hit.snippet.slice(at, start)}[${hit.snippet.slice(start, end)}]`;
    at = end;
  }
  return out + hit.snippet.slice(at);
}

const hitLine = (hit: SearchHit) =>
  `${hit.kind.padEnd(11)} ${hit.title}  (${hit.task_id ?? hit.session_id ?? ''})\n` +
  `            ${bracketed(hit).replaceAll('\n', ' ')}`;

export const searchCommand: CliCommand = {
  words: ['search'],
  usage: 'search <query> [--kinds task,activity,deliverable,comment,log] [--limit N]',
  summary:
    'Full-text search: words, "phrases", prefix*, AND/OR/NOT (quote the query for your shell); ' +
    'exit 1 (400 bad_query) when it cannot be parsed',
  options: { kinds: { type: 'string' }, limit: { type: 'string' } },
  async run({ values, positionals, out, client }) {
    if (positionals.length === 0) throw new UsageError('missing <query>');
    const answer = await client().call('search', {
      q: positionals.join(' '),
      kinds: str(values.kinds),
      limit: bounded(values.limit, 'limit', 1, 100),
    });
    out.result(answer, (a) => (a.hits.length ? a.hits.map(hitLine).join('\n') : 'No matches'));
    return 0;
  },
};
