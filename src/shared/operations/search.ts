// Search across everything, and previews of file deliverables (CONTROL_LOOP.md §6).
import { z } from 'zod';
import { Id } from '../inputs.ts';
import { defineOperation } from '../operation.ts';
import { DeliverablePreview, PREVIEW_MAX_BYTES, SearchAnswer, SearchQuery } from '../search.ts';
import * as ex from './examples.ts';

const at = '2026-03-01T10:05:00.000Z';

export const searchOperations = {
  search: defineOperation({
    input: SearchQuery,
    output: SearchAnswer,
    access: 'read',
    http: { method: 'GET', path: '/api/search', status: 200 },
    mcp: {
      tool: 'search',
      title: 'Search',
      description:
        'Full-text search of tasks, activities, deliverables, comments, session logs: words, ' +
        '"phrases", prefix*, AND/OR/NOT.',
    },
    ipc: true,
    docs: {
      tag: 'search',
      id: 'search',
      summary: 'Search everything',
      description:
        'Ranked by relevance across kinds. `q`: words (all must match), `"exact phrases"`, `prefix*`, ' +
        '`AND` / `OR` / `NOT` in capitals, parentheses; lower-case and/or/not are words. Punctuation ' +
        'inside a word makes it a phrase of its parts (`file.txt`). A query that cannot be parsed ' +
        '(an unbalanced quote or parenthesis, a dangling operator) is 400 `bad_query`. `snippet` is ' +
        'plain text; `highlights` are `[start, end)` offsets into it. A log hit has `id` ' +
        '`<session_id>:<seq>` and the session’s task. Each kind ranks its 2,000 newest matches.',
      result: {
        hits: [
          {
            kind: 'log',
            id: `${ex.ids.session}:42`,
            task_id: ex.ids.task,
            session_id: ex.ids.session,
            title: ex.task.title,
            snippet: 'FAIL src/parser.test.ts › rejects a dangling operator',
            highlights: [[10, 16]],
            at,
          },
        ],
      },
      errors: [400],
    },
  }),
  'deliverables.preview': defineOperation({
    input: z.strictObject({ id: Id }),
    output: DeliverablePreview,
    access: 'owner',
    http: { method: 'GET', path: '/api/deliverables/:id/preview', status: 200 },
    mcp: { omit: 'Reads the operator’s disk for the board; agents read their own files' },
    ipc: true,
    docs: {
      tag: 'tasks',
      id: 'previewDeliverable',
      summary: 'Preview a file deliverable',
      description:
        `Owner token only (devices 403): reads the file at the deliverable's path, at most ` +
        `${PREVIEW_MAX_BYTES} bytes, regular files only (a symlink counts as what it points at). ` +
        '`kind` markdown (.md), json (.json that parses), image (png, jpeg, gif, webp, avif, svg: ' +
        '`data_url`), else text (`content`; HTML is text, never rendered). 404: no such deliverable ' +
        'or file; 413 `too_large`; 422: not a file deliverable (URLs are never fetched), a relative ' +
        'path, a directory or other non-regular file, or binary content.',
      result: { kind: 'markdown', mime: 'text/markdown', size: 21, content: '# Report\n\nAll green.\n' },
      errors: [404, 413, 422],
    },
  }),
};
