// Session logs: lines appended in batches with gapless per-session seq numbers, read by seq, handed
// to live listeners after commit (never through the event bus), and kept within their retention:
// a number of lines per session and a total size, pruning the oldest ended sessions first.
import {
  LOG_LIMITS,
  type LogAppendResult,
  type LogLine,
  type LogPage,
  type LogStream,
} from '../../shared/logs.ts';
import { DomainError, notFound } from './errors.ts';
import type { Transactions } from './transactions.ts';

export interface LogOptions {
  /** Lines a session keeps (default 100,000). */
  sessionLines?: number;
  /** Size of all logs (text plus LINE_OVERHEAD per line), default 500 MB. */
  maxTotalBytes?: number;
  /** Lines one append may prune for the total size (default 20,000). */
  pruneLines?: number;
}

/** What a line costs besides its text (seq, stream, time, index entries): counted, not measured. */
export const LINE_OVERHEAD = 64;
/** Total pruning goes this far below the cap, so that it does not run on every append. */
const PRUNE_TO = 0.9;
/** The running total is checked against the stats table this often (appends). */
const RECOUNT_EVERY = 1_000;

export interface ParsedLogLine {
  text: string;
  stream: LogStream;
  at?: string | undefined;
}

interface SessionRef {
  id: string;
  status: string;
  ended_at: string | null;
}
interface Stats {
  last_seq: number;
  lines: number;
  bytes: number;
}
type Listener = (lines: LogLine[]) => void;

export function createLogs(tx: Transactions, options: LogOptions = {}) {
  const { db } = tx;
  const sessionLines = options.sessionLines ?? LOG_LIMITS.sessionLines;
  const maxTotal = options.maxTotalBytes ?? LOG_LIMITS.defaultTotalMb * 1024 * 1024;
  const pruneLines = options.pruneLines ?? 20_000;

  const sessionOf = db.prepare<[string, string], SessionRef>(
    'SELECT id, status, ended_at FROM openclaw_sessions WHERE id = ? OR openclaw_session_id = ? LIMIT 1',
  );
  const statsOf = db.prepare<[string], Stats>(
    'SELECT last_seq, lines, bytes FROM session_log_stats WHERE session_id = ?',
  );
  const saveStats = db.prepare(`INSERT INTO session_log_stats (session_id, last_seq, lines, bytes)
    VALUES (@session_id, @last_seq, @lines, @bytes) ON CONFLICT (session_id) DO UPDATE SET
    last_seq = excluded.last_seq, lines = excluded.lines, bytes = excluded.bytes`);
  const insert = db.prepare<[string, number, string, string, string]>(
    'INSERT INTO session_logs (session_id, seq, stream, text, at) VALUES (?, ?, ?, ?, ?)',
  );
  const page = db.prepare<[string, number, number], LogLine>(
    'SELECT seq, stream, text, at FROM session_logs WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const sizeUpTo = db.prepare<[string, number], { n: number; b: number }>(`SELECT COUNT(*) AS n,
    COALESCE(SUM(length(CAST(text AS BLOB))), 0) AS b FROM session_logs WHERE session_id = ? AND seq <= ?`);
  const dropUpTo = db.prepare<[string, number]>('DELETE FROM session_logs WHERE session_id = ? AND seq <= ?');
  const lineSizes = db.prepare<[string], { seq: number; b: number }>(
    'SELECT seq, length(CAST(text AS BLOB)) AS b FROM session_logs WHERE session_id = ? ORDER BY seq',
  );
  const sumStats = db.prepare<[], number>('SELECT COALESCE(SUM(bytes), 0) FROM session_log_stats').pluck();
  // Ended sessions first, the longest ended first; then the others, the oldest first.
  const pruneOrder = db.prepare<[], Stats & { session_id: string; ended: number }>(`SELECT s.session_id,
    s.last_seq, s.lines, s.bytes, o.ended_at IS NOT NULL AS ended FROM session_log_stats s JOIN openclaw_sessions o ON o.id = s.session_id
    WHERE s.lines > 0 ORDER BY o.ended_at IS NULL, COALESCE(o.ended_at, o.created_at), o.rowid`);

  const listeners = new Map<string, Set<Listener>>();
  let total = sumStats.get() ?? 0;
  let appendsSinceRecount = 0;

  const session = (id: string): SessionRef => {
    const found = sessionOf.get(id, id);
    if (!found) throw notFound('session', id);
    return found;
  };
  const statsFor = (sessionId: string): Stats =>
    statsOf.get(sessionId) ?? { last_seq: 0, lines: 0, bytes: 0 };

  /** Drops the session's lines up to `seq`; answers the bytes freed. */
  function drop(sessionId: string, stats: Stats, seq: number): number {
    const { n, b } = sizeUpTo.get(sessionId, seq) ?? { n: 0, b: 0 };
    if (n === 0) return 0;
    dropUpTo.run(sessionId, seq);
    const freed = b + n * LINE_OVERHEAD;
    stats.lines -= n;
    stats.bytes -= freed;
    return freed;
  }

  /**
   * Brings the total below PRUNE_TO of the cap: the logs of ended sessions as a whole, the one that
   * ended first going first; then the oldest lines of the others. At most `pruneLines` lines per
   * call, so one append never stalls the writer for long: a large prune goes on with the next ones
   * (the total may pass the cap meanwhile by what those appends add).
   */
  function pruneTotal(): void {
    total = sumStats.get() ?? 0;
    if (total <= maxTotal) return;
    const target = Math.floor(maxTotal * PRUNE_TO);
    let budget = pruneLines;
    for (const row of pruneOrder.all()) {
      const need = total - target;
      if (need <= 0 || budget <= 0) break;
      const { session_id, ended, ...stats } = row;
      const oldest = stats.last_seq - stats.lines; // the kept lines are (oldest, last_seq]
      let upTo = Math.min(stats.last_seq, oldest + budget);
      if (!ended && stats.bytes > need) {
        let freed = 0;
        let count = 0;
        for (const line of lineSizes.iterate(session_id)) {
          freed += line.b + LINE_OVERHEAD;
          upTo = line.seq;
          if (freed >= need || ++count >= budget) break;
        }
      }
      const before = stats.lines;
      total -= drop(session_id, stats, upTo);
      budget -= before - stats.lines;
      saveStats.run({ session_id, ...stats });
    }
  }

  function publish(sessionId: string, lines: LogLine[]): void {
    for (const listener of listeners.get(sessionId) ?? []) listener(lines);
  }

  return {
    /** The session an id names (ours or its openclaw_session_id); 404 when none. */
    session,
    /** Appends lines with the session's next seq numbers; listeners hear them after commit. */
    append(id: string, lines: readonly ParsedLogLine[]): LogAppendResult {
      return tx.write(() => {
        const s = session(id);
        const now = tx.now();
        if (s.ended_at && Date.parse(now) - Date.parse(s.ended_at) > LOG_LIMITS.endedGraceS * 1000)
          throw new DomainError('session_ended', `session ${id} has ended (${s.status})`, {
            status: s.status,
            ended_at: s.ended_at,
          });
        const stats = statsFor(s.id);
        const first = stats.last_seq + 1;
        const added: LogLine[] = [];
        let bytes = 0;
        for (const line of lines) {
          const entry: LogLine = {
            seq: ++stats.last_seq,
            stream: line.stream,
            text: line.text,
            at: line.at ?? now,
          };
          insert.run(s.id, entry.seq, entry.stream, entry.text, entry.at);
          added.push(entry);
          bytes += Buffer.byteLength(entry.text) + LINE_OVERHEAD;
        }
        stats.lines += added.length;
        stats.bytes += bytes;
        total += bytes;
        if (stats.lines > sessionLines) total -= drop(s.id, stats, stats.last_seq - sessionLines);
        saveStats.run({ session_id: s.id, ...stats });
        if (++appendsSinceRecount >= RECOUNT_EVERY) {
          appendsSinceRecount = 0;
          total = sumStats.get() ?? 0;
        }
        if (total > maxTotal) pruneTotal();
        tx.afterCommit(() => publish(s.id, added));
        return { first_seq: first, last_seq: stats.last_seq };
      });
    },
    /** Lines after `afterSeq`, oldest first, and the newest seq of the session. */
    list(id: string, afterSeq = 0, limit: number = LOG_LIMITS.readLines): LogPage {
      return tx.read(() => {
        const s = session(id);
        return { lines: page.all(s.id, afterSeq, limit), last_seq: statsFor(s.id).last_seq };
      });
    },
    /** The newest seq of a session (by our id), 0 when it has no lines. */
    lastSeq: (sessionId: string): number => tx.read(() => statsFor(sessionId).last_seq),
    /** Hears every batch appended to the session (by our id) once it is committed. */
    subscribe(sessionId: string, listener: Listener): () => void {
      let set = listeners.get(sessionId);
      if (!set) {
        set = new Set();
        listeners.set(sessionId, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(sessionId) === set) listeners.delete(sessionId);
      };
    },
    /** The size retention counts, as the stats table has it (tests, diagnostics). */
    totalBytes: (): number => tx.read(() => sumStats.get() ?? 0),
  };
}

export type Logs = ReturnType<typeof createLogs>;
