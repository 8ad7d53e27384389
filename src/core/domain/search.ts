// Full-text search (CONTROL_LOOP §6): the query is read and checked here, answered by the index on
// its own thread (core/search/), once it holds every write committed before the search was asked.
import { SEARCH_KINDS, type SearchHit, type SearchKind, SearchQuery } from '../../shared/search.ts';
import type { SearchIndex } from '../search/client.ts';
import { toFtsQuery } from './search-query.ts';

export function createSearch(index: SearchIndex) {
  return {
    async search(input: SearchQuery): Promise<{ hits: SearchHit[] }> {
      const { q, kinds, limit } = SearchQuery.parse(input);
      const fts = toFtsQuery(q);
      if (fts === null) return { hits: [] };
      const wanted = kinds ? (kinds.split(',') as SearchKind[]) : [...SEARCH_KINDS];
      return { hits: await index.ask({ op: 'search', fts, kinds: wanted, limit }) };
    },
  };
}

export type Search = ReturnType<typeof createSearch>;
