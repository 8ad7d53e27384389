// Session logs (CONTROL_LOOP.md §6): the output of a session, line by line, outside the event log.
// `seq` is per session, from 1, without gaps; it survives retention (the oldest lines of a session
// are dropped, the numbering goes on), so the highest seq lives in session_log_stats, not in MAX(seq).
// session_log_stats also keeps each session's kept line count and byte size, so retention never
// has to SUM the log table. `id` is the rowid that the FTS5 index of migration 012 points at.
import type { Migration } from './types.ts';

export const sessionLogs: Migration = {
  version: 11,
  name: 'session logs',
  sql: `
    CREATE TABLE session_logs (
      id INTEGER PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES openclaw_sessions(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      stream TEXT NOT NULL CHECK (stream IN ('stdout', 'stderr', 'info')),
      text TEXT NOT NULL,
      at TEXT NOT NULL,
      UNIQUE (session_id, seq)
    );

    CREATE TABLE session_log_stats (
      session_id TEXT PRIMARY KEY REFERENCES openclaw_sessions(id) ON DELETE CASCADE,
      last_seq INTEGER NOT NULL,
      lines INTEGER NOT NULL,
      bytes INTEGER NOT NULL
    ) WITHOUT ROWID;
  `,
};
