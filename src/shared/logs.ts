// Session logs (CONTROL_LOOP.md §6): the contract of a log line, its limits, and the log stream's frames.
import { z } from 'zod';

export const LOG_STREAMS = ['stdout', 'stderr', 'info'] as const;
export type LogStream = (typeof LOG_STREAMS)[number];

export const LOG_LIMITS = {
  /** Bytes of UTF-8 per line; `run` splits longer output lines at this size. */
  lineBytes: 16 * 1024,
  /** Lines per append. */
  batchLines: 1_000,
  /** Lines per read. */
  readLines: 1_000,
  /** Lines a session keeps; older ones are dropped (their seq numbers are not reused). */
  sessionLines: 100_000,
  /** What the log stream replays without Last-Event-ID, unless `?tail=` says otherwise. */
  defaultTail: 1_000,
  /** How long after a session ended it still takes lines (output still draining), in seconds. */
  endedGraceS: 60,
  /** The default total size of all logs (`serve --max-log-mb`). */
  defaultTotalMb: 500,
} as const;

const encoder = new TextEncoder();
/** Within the byte limit: the UTF-16 length decides most lines (≤ 3 bytes per code unit) unencoded. */
const fitsLine = (text: string) =>
  text.length <= LOG_LIMITS.lineBytes &&
  (text.length * 3 <= LOG_LIMITS.lineBytes || encoder.encode(text).length <= LOG_LIMITS.lineBytes);

export const LogLineInput = z.strictObject({
  text: z.string().refine(fitsLine, { message: `must be at most ${LOG_LIMITS.lineBytes} bytes of UTF-8` }),
  stream: z.enum(LOG_STREAMS).default('stdout'),
  /** When the line was written (ISO 8601); default: when the server got it. */
  at: z.iso.datetime({ offset: true }).optional(),
});
export type LogLineInput = z.input<typeof LogLineInput>;

export const LogLine = z.object({
  seq: z.number().int().min(1),
  stream: z.enum(LOG_STREAMS),
  text: z.string(),
  at: z.string(),
});
export type LogLine = z.infer<typeof LogLine>;

export const LogAppendResult = z.object({ first_seq: z.number().int(), last_seq: z.number().int() });
export type LogAppendResult = z.infer<typeof LogAppendResult>;

/** `last_seq`: the session's newest line (0 when it has none), whatever the page holds. */
export const LogPage = z.object({ lines: z.array(LogLine), last_seq: z.number().int().min(0) });
export type LogPage = z.infer<typeof LogPage>;

export { LOG_STREAM_ENDED } from './log-stream.ts';
