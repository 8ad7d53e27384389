// Sub-agent (and persistent) sessions: who is working on what right now.
import type { Session } from '../../shared/entities.ts';
import { SessionListQuery, SessionPatch, SubagentCreate } from '../../shared/inputs.ts';
import type { Activities } from './activities.ts';
import type { Agents } from './agents.ts';
import { conflict, notFound } from './errors.ts';
import type { Transactions } from './transactions.ts';

export function createSessions(
  tx: Transactions,
  agents: Agents,
  activities: Activities,
  assertTask: (id: string) => void,
) {
  const { db } = tx;
  const byId = db.prepare<[string, string], Session>(
    'SELECT * FROM openclaw_sessions WHERE id = ? OR openclaw_session_id = ? LIMIT 1',
  );
  const byExternalId = db.prepare<[string], Session>(
    'SELECT * FROM openclaw_sessions WHERE openclaw_session_id = ?',
  );
  const filtered = db.prepare<Record<string, unknown>, Session>(`SELECT * FROM openclaw_sessions
    WHERE (@session_type IS NULL OR session_type = @session_type)
      AND (@status IS NULL OR status = @status)
      AND (@task_id IS NULL OR task_id = @task_id)
    ORDER BY created_at, rowid`);
  const activeCount = db.prepare<[], { n: number }>(
    "SELECT COUNT(*) AS n FROM openclaw_sessions WHERE status = 'active' AND session_type = 'subagent'",
  );
  const insert = db.prepare(`INSERT INTO openclaw_sessions (id, agent_id, openclaw_session_id, agent_name,
    channel, status, session_type, task_id, created_at, updated_at, ended_at)
    VALUES (@id, @agent_id, @openclaw_session_id, @agent_name, @channel, @status, @session_type, @task_id,
    @created_at, @updated_at, @ended_at)`);
  const update = db.prepare(`UPDATE openclaw_sessions SET status = @status, channel = @channel,
    agent_name = @agent_name, updated_at = @updated_at, ended_at = @ended_at WHERE id = @id`);

  /** Accepts our id or the agent runtime's `openclaw_session_id`, whichever the caller has. */
  const get = (id: string): Session => {
    const session = byId.get(id, id);
    if (!session) throw notFound('session', id);
    return session;
  };

  return {
    get,
    list: (query: Partial<SessionListQuery> = {}): Session[] => {
      const { session_type, status, task_id } = SessionListQuery.parse(query);
      return filtered.all({
        session_type: session_type ?? null,
        status: status ?? null,
        task_id: task_id ?? null,
      });
    },
    activeSubagents: (): number => activeCount.get()?.n ?? 0,
    /** Registers a sub-agent working on a task and logs `spawned` on the task. */
    registerSubagent(taskId: string, input: SubagentCreate): Session {
      const data = SubagentCreate.parse(input);
      return tx.write(() => {
        assertTask(taskId);
        agents.assertExists(data.agent_id, 'agent_id');
        if (byExternalId.get(data.openclaw_session_id)) {
          throw conflict(`session ${data.openclaw_session_id} is already registered`, {
            openclaw_session_id: data.openclaw_session_id,
          });
        }
        const now = tx.now();
        const session: Session = {
          id: tx.newId(),
          agent_id: data.agent_id ?? null,
          openclaw_session_id: data.openclaw_session_id,
          agent_name: data.agent_name ?? null,
          channel: data.channel ?? null,
          status: 'active',
          session_type: 'subagent',
          task_id: taskId,
          created_at: now,
          updated_at: now,
          ended_at: null,
        };
        insert.run(session);
        tx.emit('agent_spawned', session, now);
        activities.append(
          taskId,
          {
            activity_type: 'spawned',
            message: `Sub-agent ${session.agent_name ?? session.openclaw_session_id} spawned`,
            agent_id: session.agent_id,
            metadata: { session_id: session.id, openclaw_session_id: session.openclaw_session_id },
          },
          now,
        );
        return session;
      });
    },
    /** Ends (completed/failed: sets ended_at) or edits a session. An ended session stays ended. */
    update(id: string, patch: SessionPatch): Session {
      const changes = SessionPatch.parse(patch);
      return tx.write(() => {
        const before = get(id);
        if (before.ended_at && changes.status === 'active') {
          throw conflict(`session ${id} has ended (${before.status}) and cannot become active again`);
        }
        const now = tx.now();
        const session: Session = { ...before, ...changes, updated_at: now };
        if (session.status !== 'active' && !session.ended_at) session.ended_at = now;
        update.run(session);
        tx.emit('agent_completed', session, now);
        return session;
      });
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
