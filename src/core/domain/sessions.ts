// Sub-agent (and persistent) sessions: who is working on what right now, and who went silent.
import type { Session } from '../../shared/entities.ts';
import { SessionListQuery, SessionPatch, SubagentCreate } from '../../shared/inputs.ts';
import type { Activities } from './activities.ts';
import type { Agents } from './agents.ts';
import { conflict, DomainError, notFound } from './errors.ts';
import { plusSeconds } from './presence.ts';
import type { Transactions } from './transactions.ts';

type SessionRow = Session & { stale_at: string | null };
const fromRow = ({ stale_at: _due, ...session }: SessionRow): Session => session;
const ENDED = new Set(['completed', 'failed']);

export function createSessions(
  tx: Transactions,
  agents: Agents,
  activities: Activities,
  assertTask: (id: string) => void,
) {
  const { db } = tx;
  const byId = db.prepare<[string, string], SessionRow>(
    'SELECT * FROM openclaw_sessions WHERE id = ? OR openclaw_session_id = ? LIMIT 1',
  );
  const byExternalId = db.prepare<[string], SessionRow>(
    'SELECT * FROM openclaw_sessions WHERE openclaw_session_id = ?',
  );
  const filtered = db.prepare<Record<string, unknown>, SessionRow>(`SELECT * FROM openclaw_sessions
    WHERE (@session_type IS NULL OR session_type = @session_type)
      AND (@status IS NULL OR status = @status)
      AND (@task_id IS NULL OR task_id = @task_id)
    ORDER BY created_at, rowid`);
  const activeCount = db.prepare<[], { n: number }>(
    "SELECT COUNT(*) AS n FROM openclaw_sessions WHERE status = 'active' AND session_type = 'subagent'",
  );
  const insert = db.prepare(`INSERT INTO openclaw_sessions (id, agent_id, openclaw_session_id, agent_name,
    channel, status, session_type, task_id, created_at, updated_at, ended_at, heartbeat_ttl_s,
    last_heartbeat_at, stale_at)
    VALUES (@id, @agent_id, @openclaw_session_id, @agent_name, @channel, @status, @session_type, @task_id,
    @created_at, @updated_at, @ended_at, @heartbeat_ttl_s, @last_heartbeat_at, @stale_at)`);
  const update = db.prepare(`UPDATE openclaw_sessions SET status = @status, channel = @channel,
    agent_name = @agent_name, updated_at = @updated_at, ended_at = @ended_at,
    last_heartbeat_at = @last_heartbeat_at, stale_at = @stale_at WHERE id = @id`);
  const beat = db.prepare<[string, string | null, string]>(
    'UPDATE openclaw_sessions SET last_heartbeat_at = ?, stale_at = ? WHERE id = ?',
  );
  const dueStale = db.prepare<[string], SessionRow>(
    "SELECT * FROM openclaw_sessions WHERE status = 'active' AND stale_at <= ? ORDER BY stale_at",
  );
  const nextStale = db.prepare<[], { at: string | null }>(
    "SELECT MIN(stale_at) AS at FROM openclaw_sessions WHERE status = 'active'",
  );

  /** Accepts our id or the agent runtime's `openclaw_session_id`, whichever the caller has. */
  const row = (id: string): SessionRow => {
    const found = byId.get(id, id);
    if (!found) throw notFound('session', id);
    return found;
  };
  const staleAt = (ttl: number | null, from: string) => (ttl === null ? null : plusSeconds(from, ttl));
  /** Non-terminal changes are session_updated; a session that ends is agent_completed (the seed's). */
  const emitChange = (session: Session, at: string) =>
    tx.emit(ENDED.has(session.status) ? 'agent_completed' : 'session_updated', session, at);

  return {
    get: (id: string): Session => fromRow(row(id)),
    list: (query: Partial<SessionListQuery> = {}): Session[] => {
      const { session_type, status, task_id } = SessionListQuery.parse(query);
      return filtered
        .all({ session_type: session_type ?? null, status: status ?? null, task_id: task_id ?? null })
        .map(fromRow);
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
        const ttl = data.heartbeat_ttl_s ?? null;
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
          heartbeat_ttl_s: ttl,
          last_heartbeat_at: null,
        };
        insert.run({ ...session, stale_at: staleAt(ttl, now) });
        if (session.agent_id) agents.seen(session.agent_id, now);
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
        const before = row(id);
        if (before.ended_at && changes.status === 'active') {
          throw conflict(`session ${id} has ended (${before.status}) and cannot become active again`);
        }
        const now = tx.now();
        const next: SessionRow = { ...before, ...changes, updated_at: now };
        if (ENDED.has(next.status) && !next.ended_at) next.ended_at = now;
        // Marked active again by hand: it gets a fresh ttl from now.
        if (next.status === 'active' && before.status !== 'active')
          next.stale_at = staleAt(next.heartbeat_ttl_s, now);
        update.run(next);
        const session = fromRow(next);
        emitChange(session, now);
        return session;
      });
    },
    /** A heartbeat: keeps a session from going stale, revives a stale one; an ended one is 409. */
    heartbeat(id: string): Session {
      return tx.write(() => {
        const before = row(id);
        if (ENDED.has(before.status))
          throw new DomainError('session_ended', `session ${id} has ended (${before.status})`, {
            status: before.status,
          });
        const now = tx.now();
        if (before.agent_id) agents.seen(before.agent_id, now);
        const due = staleAt(before.heartbeat_ttl_s, now);
        if (before.status === 'active') {
          beat.run(now, due, before.id);
          return fromRow({ ...before, last_heartbeat_at: now, stale_at: due });
        }
        const next: SessionRow = {
          ...before,
          status: 'active',
          last_heartbeat_at: now,
          stale_at: due,
          updated_at: now,
        };
        update.run(next);
        const session = fromRow(next);
        emitChange(session, now);
        return session;
      });
    },
    /** The sweeper's part: active sessions whose ttl ran out by `at` become stale. */
    markStale(at: string): number {
      return tx.write(() => {
        const due = dueStale.all(at);
        for (const before of due) {
          const next: SessionRow = { ...before, status: 'stale', updated_at: at };
          update.run(next);
          emitChange(fromRow(next), at);
        }
        return due.length;
      });
    },
    /** When the next active session goes stale (ms since the epoch), or null. */
    nextStale(): number | null {
      const at = nextStale.get()?.at;
      return at ? Date.parse(at) : null;
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
