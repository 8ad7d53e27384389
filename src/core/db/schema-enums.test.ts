// Migrations are frozen literal SQL while the enums in src/shared live on, so this test is what
// keeps the two in step. It fails when someone adds (or removes) an enum value without a migration.
// A new value needs a NEW migration: SQLite cannot ALTER a CHECK constraint, so that migration must
// rebuild the table (create the new table, copy the rows, drop the old one, rename, recreate indexes).
import { expect, it } from 'vitest';
import { DEVICE_SCOPES } from '../../shared/devices.ts';
import {
  ACTIVITY_TYPES,
  AGENT_PRESENCES,
  AGENT_STATUSES,
  COMMENT_AUTHORS,
  DELIVERABLE_TYPES,
  SESSION_STATUSES,
  SESSION_TYPES,
  TASK_PRIORITIES,
  TASK_STATUSES,
} from '../../shared/enums.ts';
import { LOG_STREAMS } from '../../shared/logs.ts';
import { WEBHOOK_DISABLED_REASONS } from '../../shared/webhooks.ts';
import { tempDir } from '../testing/harness.ts';
import { openDatabase } from './open.ts';

const ENUM_COLUMNS: Record<string, readonly string[]> = {
  'agents.status': AGENT_STATUSES,
  'agents.presence': AGENT_PRESENCES,
  'tasks.status': TASK_STATUSES,
  'tasks.priority': TASK_PRIORITIES,
  'task_activities.activity_type': ACTIVITY_TYPES,
  'task_deliverables.deliverable_type': DELIVERABLE_TYPES,
  'openclaw_sessions.status': SESSION_STATUSES,
  'openclaw_sessions.session_type': SESSION_TYPES,
  'device_tokens.scope': DEVICE_SCOPES,
  'task_comments.author': COMMENT_AUTHORS,
  'session_logs.stream': LOG_STREAMS,
  'webhooks.disabled_reason': WEBHOOK_DISABLED_REASONS,
};

// Only lists of quoted strings: numeric flags like `is_master IN (0, 1)` are not enums.
const CHECK_IN = /CHECK\s*\(\s*"?(\w+)"?\s+IN\s*\(((?:\s*'(?:[^']|'')*'\s*,?)+)\)\s*\)/gi;

/** Every `CHECK (column IN ('a', 'b'))` of the migrated schema, keyed `table.column`. */
function schemaEnums(): Record<string, string[]> {
  const temp = tempDir();
  const db = openDatabase(`${temp.dir}/db.sqlite`);
  let tables: Array<{ name: string; sql: string }>;
  try {
    tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
      .all() as typeof tables;
  } finally {
    db.close();
    temp.cleanup();
  }
  const found: Record<string, string[]> = {};
  for (const { name, sql } of tables) {
    for (const check of sql.matchAll(CHECK_IN)) {
      const values = [...(check[2] ?? '').matchAll(/'((?:[^']|'')*)'/g)].map((v) =>
        (v[1] ?? '').replaceAll("''", "'"),
      );
      found[`${name}.${check[1]}`] = values;
    }
  }
  return found;
}

const sortedValues = (columns: Record<string, readonly string[]>) =>
  Object.fromEntries(
    Object.entries(columns)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([column, values]) => [column, [...values].sort()]),
  );

it('allows in each enum column of the database exactly the values of its enum in src/shared', () => {
  // One comparison of whole maps, so the diff names every drifted column at once, and a new enum
  // column added by a migration fails here until it is listed in ENUM_COLUMNS.
  expect(sortedValues(schemaEnums())).toEqual(sortedValues(ENUM_COLUMNS));
});
