// Agents: the AI workers (and the master orchestrator) that tasks are assigned to.
import type { Agent } from '../../shared/entities.ts';
import { AgentCreate, AgentPatch } from '../../shared/inputs.ts';
import { notFound, unprocessable } from './errors.ts';
import { AWAY_MS, ONLINE_MS, presenceAt } from './presence.ts';
import { agentFromRow } from './rows.ts';
import type { Transactions } from './transactions.ts';

type AgentRow = Omit<Agent, 'is_master'> & { is_master: number };

export function createAgents(tx: Transactions) {
  const { db } = tx;
  const all = db.prepare<[], AgentRow>('SELECT * FROM agents ORDER BY is_master DESC, name, created_at');
  const one = db.prepare<[string], AgentRow>('SELECT * FROM agents WHERE id = ?');
  const insert = db.prepare(`INSERT INTO agents
    (id, name, role, description, avatar_emoji, status, is_master, created_at, updated_at)
    VALUES (@id, @name, @role, @description, @avatar_emoji, @status, @is_master, @created_at, @updated_at)`);
  const update = db.prepare(`UPDATE agents SET name = @name, role = @role, description = @description,
    avatar_emoji = @avatar_emoji, status = @status, is_master = @is_master, updated_at = @updated_at WHERE id = @id`);
  const remove = db.prepare<[string]>('DELETE FROM agents WHERE id = ?');
  const markSeen = db.prepare<[string, string]>(
    "UPDATE agents SET last_seen_at = ?, presence = 'online' WHERE id = ?",
  );
  const setPresence = db.prepare<[string, string]>('UPDATE agents SET presence = ? WHERE id = ?');
  // Agents whose presence decays by `now`: online ones seen before now − 90 s, away ones before now − 10 min.
  const decaying = db.prepare<{ online: string; away: string }, AgentRow>(`SELECT * FROM agents
    WHERE (presence = 'online' AND last_seen_at <= @online) OR (presence = 'away' AND last_seen_at <= @away)`);
  const oldestSeen = db.prepare<[string], { at: string | null }>(
    'SELECT MIN(last_seen_at) AS at FROM agents WHERE presence = ?',
  );
  // The rows whose reference the delete will set to null, read in its transaction for the event.
  const ids = (table: string, column: string) =>
    db.prepare<[string], string>(`SELECT id FROM ${table} WHERE ${column} = ? ORDER BY rowid`).pluck();
  const referencing = {
    assigned_task_ids: ids('tasks', 'assigned_agent_id'),
    created_task_ids: ids('tasks', 'created_by_agent_id'),
    session_ids: ids('openclaw_sessions', 'agent_id'),
    activity_ids: ids('task_activities', 'agent_id'),
    comment_ids: ids('task_comments', 'agent_id'),
  };

  const get = (id: string): Agent => {
    const row = one.get(id);
    if (!row) throw notFound('agent', id);
    return agentFromRow(row);
  };

  return {
    list: (): Agent[] => all.all().map(agentFromRow),
    get,
    find: (id: string): Agent | undefined => {
      const row = one.get(id);
      return row && agentFromRow(row);
    },
    /** Throws 422 when a reference names an agent that does not exist. */
    assertExists(id: string | null | undefined, field: string): void {
      if (id != null && !one.get(id))
        throw unprocessable(`${field}: agent ${id} does not exist`, { field, id });
    },
    /**
     * Records that the agent was seen now (a heartbeat, a claim, a renewal, a write naming it), inside
     * the caller's write. Emits agent_updated only when that changes its presence.
     */
    seen(id: string, at: string): Agent {
      const before = get(id);
      markSeen.run(at, id);
      const agent: Agent = { ...before, last_seen_at: at, presence: 'online' };
      if (before.presence !== 'online') tx.emit('agent_updated', agent, at);
      return agent;
    },
    /** The sweeper's part: presences that decayed by `at` change, each with its agent_updated. */
    decayPresence(at: string): number {
      const now = Date.parse(at);
      return tx.write(() => {
        const rows = decaying.all({
          online: new Date(now - ONLINE_MS).toISOString(),
          away: new Date(now - AWAY_MS).toISOString(),
        });
        for (const row of rows) {
          const presence = presenceAt(row.last_seen_at, now);
          setPresence.run(presence, row.id);
          tx.emit('agent_updated', agentFromRow({ ...row, presence }), at);
        }
        return rows.length;
      });
    },
    /** When the next presence decays on its own (ms since the epoch), or null. */
    nextDecay(): number | null {
      const online = oldestSeen.get('online')?.at;
      const away = oldestSeen.get('away')?.at;
      const due = [online && Date.parse(online) + ONLINE_MS, away && Date.parse(away) + AWAY_MS].filter(
        (v): v is number => typeof v === 'number',
      );
      return due.length ? Math.min(...due) : null;
    },
    create(input: AgentCreate): Agent {
      const data = AgentCreate.parse(input);
      return tx.write(() => {
        const now = tx.now();
        const agent: Agent = {
          id: tx.newId(),
          name: data.name,
          role: data.role,
          description: data.description ?? null,
          avatar_emoji: data.avatar_emoji,
          status: data.status,
          is_master: data.is_master,
          created_at: now,
          updated_at: now,
          last_seen_at: null,
          presence: 'unknown',
        };
        insert.run({ ...agent, is_master: agent.is_master ? 1 : 0 });
        tx.emit('agent_created', agent, now);
        return agent;
      });
    },
    update(id: string, patch: AgentPatch): Agent {
      const changes = AgentPatch.parse(patch);
      return tx.write(() => {
        const agent: Agent = { ...get(id), ...changes, updated_at: tx.now() };
        update.run({ ...agent, is_master: agent.is_master ? 1 : 0 });
        tx.emit('agent_updated', agent, agent.updated_at);
        return agent;
      });
    },
    /** Tasks, activities and sessions keep their rows; their references to the agent become null. */
    remove(id: string): { id: string } {
      return tx.write(() => {
        const cleared = {
          assigned_task_ids: referencing.assigned_task_ids.all(id),
          created_task_ids: referencing.created_task_ids.all(id),
          session_ids: referencing.session_ids.all(id),
          activity_ids: referencing.activity_ids.all(id),
          comment_ids: referencing.comment_ids.all(id),
        };
        if (remove.run(id).changes === 0) throw notFound('agent', id);
        tx.emit('agent_deleted', { id, cleared });
        return { id };
      });
    },
  };
}

export type Agents = ReturnType<typeof createAgents>;
