// The command palette's and previews' commands: full-text search, a file deliverable's preview.
// Answers go straight back to the caller (they are not board state); errors keep the server's code.
import type { DeliverablePreview, SearchAnswer, SearchQuery } from '../../../shared/search.ts';
import type { Backend } from '../../backend/backend.ts';

export interface SearchController {
  /** `GET /api/search`; rejects with a BackendError (`bad_query` for a malformed query). */
  search(query: SearchQuery): Promise<SearchAnswer>;
  /** A file deliverable read from the owner's disk (owner only: 403 for a device). */
  preview(deliverableId: string): Promise<DeliverablePreview>;
}

export function createSearchController(backend: Backend): SearchController {
  return {
    search: (query) => backend.invoke('search', query),
    preview: (id) => backend.invoke('deliverables.preview', { id }),
  };
}
