// The activity log of a task: what happened, who did it, with optional JSON metadata.
import type { Statement } from 'better-sqlite3';
import type { Activity } from '../../shared/entities.ts';
import { ActivityCreate, ActivityListQuery } from '../../shared/inputs.ts';
import type { SearchIndex } from '../search/client.ts';
import type { Agents } from './agents.ts';
import { activityFromRow, toJson } from './rows.ts';
import { toFtsQuery } from './search-query.ts';
import type { Transactions } from './transactions.ts';

type ActivityRow = Parameters<typeof activityFromRow>[0];

export function createActivities(
  tx: Transactions,
  agents: Agents,
  assertTask: (id: string) => void,
  index: SearchIndex,
) {
  const { db } = tx;
  // One statement per combination of filters, prepared on first use (at most 16).
  const lists = new Map<string, Statement<unknown[], ActivityRow>>();
  function listStatement(order: 'asc' | 'desc', type: boolean, agent: boolean, text: boolean) {
    const key = `${order}${+type}${+agent}${+text}`;
    let statement = lists.get(key);
    if (!statement) {
      const dir = order === 'desc' ? ' DESC' : '';
      // rowid breaks ties between activities logged in the same millisecond, in insertion order.
      statement = db.prepare<unknown[], ActivityRow>(`SELECT * FROM task_activities WHERE task_id = ?
        ${type ? 'AND activity_type = ?' : ''} ${agent ? 'AND agent_id = ?' : ''}
        ${text ? 'AND rowid IN (SELECT value FROM json_each(?))' : ''}
        ORDER BY created_at${dir}, rowid${dir} LIMIT ?`);
      lists.set(key, statement);
    }
    return statement;
  }
  // Positional parameters: cheaper to bind than named ones read from an object (see tasks.ts).
  const insert = db.prepare<Array<string | null>>(`INSERT INTO task_activities
    (id, task_id, agent_id, activity_type, message, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);

  /** Inserts and emits within the caller's write; used by other domain functions too. */
  function append(taskId: string, data: ReturnType<typeof ActivityCreate.parse>, at: string): Activity {
    const activity: Activity = {
      id: tx.newId(),
      task_id: taskId,
      agent_id: data.agent_id ?? null,
      activity_type: data.activity_type,
      message: data.message,
      metadata: data.metadata ?? null,
      created_at: at,
    };
    const { id, agent_id, activity_type, message, metadata } = activity;
    insert.run(id, taskId, agent_id, activity_type, message, toJson(metadata), at);
    tx.emit('activity_logged', activity, at);
    return activity;
  }

  /** `rows`: only these rowids (the text filter's matches). */
  function select(taskId: string, query: ActivityListQuery, rows?: number[]): Activity[] {
    const { order, limit, type, agent_id } = query;
    const statement = listStatement(order, !!type, !!agent_id, rows !== undefined);
    const matches = rows === undefined ? undefined : JSON.stringify(rows);
    const args = [taskId, type, agent_id, matches, limit ?? -1].filter((a) => a !== undefined);
    return tx.read(() => {
      assertTask(taskId);
      return statement.all(...args).map(activityFromRow);
    });
  }

  return {
    append,
    /** The task's activities, filtered by type and agent (a text filter needs `find`). */
    list(taskId: string, query: Partial<ActivityListQuery> = {}): Activity[] {
      const parsed = ActivityListQuery.parse(query);
      if (parsed.q !== undefined) throw new Error('activities.list: a text filter `q` goes through find()');
      return select(taskId, parsed);
    },
    /** As `list`, and `q` keeps the activities whose message matches it, asked of the search index. */
    async find(taskId: string, query: Partial<ActivityListQuery> = {}): Promise<Activity[]> {
      const parsed = ActivityListQuery.parse(query);
      if (parsed.q === undefined) return select(taskId, parsed);
      const fts = toFtsQuery(parsed.q);
      tx.read(() => assertTask(taskId));
      if (fts === null) return []; // a text filter without a word matches nothing
      return select(taskId, parsed, await index.ask({ op: 'activityRows', taskId, fts }));
    },
    create(taskId: string, input: ActivityCreate): Activity {
      const data = ActivityCreate.parse(input);
      return tx.write(() => {
        assertTask(taskId);
        agents.assertExists(data.agent_id, 'agent_id');
        const now = tx.now();
        // An agent reporting its own activity is a sign of life (CONTROL_LOOP §1).
        if (data.agent_id) agents.seen(data.agent_id, now);
        return append(taskId, data, now);
      });
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
