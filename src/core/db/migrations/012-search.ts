// Full-text search (CONTROL_LOOP.md §6): one external-content FTS5 index per kind of text, kept
// exact by triggers, so every write (and every ON DELETE CASCADE, whose deletes fire triggers too)
// changes the index in the same transaction. External content: the text is not stored twice; FTS5
// reads it back by rowid for snippet() and highlight().
//
// The four tables with TEXT primary keys are rowid tables (none is WITHOUT ROWID), so the index
// points at their implicit rowid. VACUUM could renumber those, but the app never runs it (backups
// copy pages); should one ever be needed, `INSERT INTO search_x(search_x) VALUES ('rebuild')`
// re-creates an index from its table. session_logs.id is an INTEGER PRIMARY KEY, stable anyway.
// A later migration that rebuilds one of these tables (create, copy, drop, rename, as 006 did for
// sessions) loses its triggers and may renumber its rowids: it must create them again and rebuild.
//
// The delete command must be given the values that were indexed: the triggers pass old.*.
// Tasks are updated all the time (status, leases, versions); the update trigger fires only when the
// text changed. Ranking (bm25 and its column weights) is the query's business: core/domain/search.ts.
// prefix = '2 3': prefix indexes for 2- and 3-character prefixes, so `ka*` reads one doclist instead
// of merging every term that starts with it (at 1M log lines 200 ms → 16 ms, for twice the index).
import type { Migration } from './types.ts';

export const search: Migration = {
  version: 12,
  name: 'full-text search indexes',
  sql: `
    CREATE VIRTUAL TABLE search_tasks USING fts5(title, description,
      content = 'tasks', content_rowid = 'rowid', prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER search_tasks_insert AFTER INSERT ON tasks BEGIN
      INSERT INTO search_tasks(rowid, title, description) VALUES (new.rowid, new.title, new.description);
    END;
    CREATE TRIGGER search_tasks_delete AFTER DELETE ON tasks BEGIN
      INSERT INTO search_tasks(search_tasks, rowid, title, description)
        VALUES ('delete', old.rowid, old.title, old.description);
    END;
    CREATE TRIGGER search_tasks_update AFTER UPDATE OF title, description ON tasks
      WHEN old.title IS NOT new.title OR old.description IS NOT new.description BEGIN
      INSERT INTO search_tasks(search_tasks, rowid, title, description)
        VALUES ('delete', old.rowid, old.title, old.description);
      INSERT INTO search_tasks(rowid, title, description) VALUES (new.rowid, new.title, new.description);
    END;
    INSERT INTO search_tasks(search_tasks) VALUES ('rebuild');

    CREATE VIRTUAL TABLE search_activities USING fts5(message,
      content = 'task_activities', content_rowid = 'rowid', prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER search_activities_insert AFTER INSERT ON task_activities BEGIN
      INSERT INTO search_activities(rowid, message) VALUES (new.rowid, new.message);
    END;
    CREATE TRIGGER search_activities_delete AFTER DELETE ON task_activities BEGIN
      INSERT INTO search_activities(search_activities, rowid, message) VALUES ('delete', old.rowid, old.message);
    END;
    CREATE TRIGGER search_activities_update AFTER UPDATE OF message ON task_activities
      WHEN old.message IS NOT new.message BEGIN
      INSERT INTO search_activities(search_activities, rowid, message) VALUES ('delete', old.rowid, old.message);
      INSERT INTO search_activities(rowid, message) VALUES (new.rowid, new.message);
    END;
    INSERT INTO search_activities(search_activities) VALUES ('rebuild');

    CREATE VIRTUAL TABLE search_deliverables USING fts5(title, path, description,
      content = 'task_deliverables', content_rowid = 'rowid', prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER search_deliverables_insert AFTER INSERT ON task_deliverables BEGIN
      INSERT INTO search_deliverables(rowid, title, path, description)
        VALUES (new.rowid, new.title, new.path, new.description);
    END;
    CREATE TRIGGER search_deliverables_delete AFTER DELETE ON task_deliverables BEGIN
      INSERT INTO search_deliverables(search_deliverables, rowid, title, path, description)
        VALUES ('delete', old.rowid, old.title, old.path, old.description);
    END;
    CREATE TRIGGER search_deliverables_update AFTER UPDATE OF title, path, description ON task_deliverables
      WHEN old.title IS NOT new.title OR old.path IS NOT new.path OR old.description IS NOT new.description
      BEGIN
      INSERT INTO search_deliverables(search_deliverables, rowid, title, path, description)
        VALUES ('delete', old.rowid, old.title, old.path, old.description);
      INSERT INTO search_deliverables(rowid, title, path, description)
        VALUES (new.rowid, new.title, new.path, new.description);
    END;
    INSERT INTO search_deliverables(search_deliverables) VALUES ('rebuild');

    CREATE VIRTUAL TABLE search_comments USING fts5(body,
      content = 'task_comments', content_rowid = 'rowid', prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER search_comments_insert AFTER INSERT ON task_comments BEGIN
      INSERT INTO search_comments(rowid, body) VALUES (new.rowid, new.body);
    END;
    CREATE TRIGGER search_comments_delete AFTER DELETE ON task_comments BEGIN
      INSERT INTO search_comments(search_comments, rowid, body) VALUES ('delete', old.rowid, old.body);
    END;
    CREATE TRIGGER search_comments_update AFTER UPDATE OF body ON task_comments
      WHEN old.body IS NOT new.body BEGIN
      INSERT INTO search_comments(search_comments, rowid, body) VALUES ('delete', old.rowid, old.body);
      INSERT INTO search_comments(rowid, body) VALUES (new.rowid, new.body);
    END;
    INSERT INTO search_comments(search_comments) VALUES ('rebuild');

    CREATE VIRTUAL TABLE search_logs USING fts5(text,
      content = 'session_logs', content_rowid = 'id', prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER search_logs_insert AFTER INSERT ON session_logs BEGIN
      INSERT INTO search_logs(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER search_logs_delete AFTER DELETE ON session_logs BEGIN
      INSERT INTO search_logs(search_logs, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER search_logs_update AFTER UPDATE OF text ON session_logs
      WHEN old.text IS NOT new.text BEGIN
      INSERT INTO search_logs(search_logs, rowid, text) VALUES ('delete', old.id, old.text);
      INSERT INTO search_logs(rowid, text) VALUES (new.id, new.text);
    END;
    INSERT INTO search_logs(search_logs) VALUES ('rebuild');
  `,
};
