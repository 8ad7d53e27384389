// The search and preview contracts (CONTROL_LOOP.md §6): what a hit and a file preview look like.
import { z } from 'zod';

export const SEARCH_KINDS = ['task', 'activity', 'deliverable', 'comment', 'log'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

const kindList = new RegExp(`^(${SEARCH_KINDS.join('|')})(,(${SEARCH_KINDS.join('|')}))*$`);

export const SearchQuery = z.strictObject({
  /** Words, "phrases", prefix*, AND / OR / NOT in capitals, parentheses. */
  q: z.string().trim().min(1, 'must not be empty').max(500),
  /** Comma-separated kinds to search (default: all). */
  kinds: z
    .string()
    .regex(kindList, `must be a comma-separated list of ${SEARCH_KINDS.join(', ')}`)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.input<typeof SearchQuery>;

/** `[start, end)` offsets into `snippet`, in JavaScript string indices. */
export const Highlight = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

export const SearchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  /** The thing found: a task, activity, deliverable or comment id; `<session_id>:<seq>` for a log line. */
  id: z.string(),
  /** The task it belongs to (null for the log of a session without a task). */
  task_id: z.string().nullable(),
  session_id: z.string().optional(),
  /** A log line's seq in its session's log (also the part of `id` after the colon). */
  seq: z.number().int().min(1).optional(),
  /** The task's title (a deliverable's own title; for a log line without a task, its session). */
  title: z.string(),
  /** Plain text around the match. */
  snippet: z.string(),
  highlights: z.array(Highlight),
  at: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchAnswer = z.object({ hits: z.array(SearchHit) });
export type SearchAnswer = z.infer<typeof SearchAnswer>;

export const PREVIEW_KINDS = ['text', 'markdown', 'json', 'image'] as const;
export type PreviewKind = (typeof PREVIEW_KINDS)[number];
/** Files larger than this are not previewed (413). */
export const PREVIEW_MAX_BYTES = 1024 * 1024;

/** A file deliverable read from the owner's disk: text kinds carry `content`, images a `data_url`. */
export const DeliverablePreview = z.object({
  kind: z.enum(PREVIEW_KINDS),
  /** The media type the content was read as (HTML is `text/plain` here: it is never rendered). */
  mime: z.string(),
  /** The file's size in bytes. */
  size: z.number().int().min(0),
  content: z.string().optional(),
  data_url: z.string().optional(),
});
export type DeliverablePreview = z.infer<typeof DeliverablePreview>;
