// Claims and leases: an agent takes the next claimable task and holds it while it renews the lease;
// a release or an expiry hands the task back where it came from. Each is one transaction.
import type { Lease, Task } from '../../shared/entities.ts';
import type { Activities } from './activities.ts';
import type { Agents } from './agents.ts';
import { leaseLost, notFound, overBudget } from './errors.ts';
import { plusSeconds } from './presence.ts';
import { TASK_SELECT, type TaskRow, updatedPayload, usageFromRow } from './task-rows.ts';
import type { Tasks } from './tasks.ts';
import type { Transactions } from './transactions.ts';

export const DEFAULT_LEASE_S = 300;
/** Most leases handed back in one transaction (about 25 ms of work). */
export const EXPIRE_BATCH = 500;
/** Handed back by expiry this many times, a task is stuck: it needs a person. */
export const STUCK_AFTER = 3;

export interface Claim {
  task: Task;
  lease: Lease;
}

export function createLeases(tx: Transactions, agents: Agents, tasks: Tasks, activities: Activities) {
  const { db } = tx;
  // Claimable for A: no lease, nothing blocking, and inbox unassigned or (inbox|assigned) assigned to A.
  // Order: assigned to A first, then priority, then oldest first. Two walks of idx_tasks_claim (its
  // priority expression must be written exactly as here), so a claim costs the same at 10 or 10,000
  // open tasks.
  const unblocked = `NOT EXISTS (SELECT 1 FROM task_dependencies d JOIN tasks x ON x.id = d.depends_on_id
    WHERE d.task_id = t.id AND x.status <> 'done')`;
  const rank = "(CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END)";
  // Over budget (cost ≥ budget_usd) is never handed out until the budget is raised.
  const mine = db.prepare<{ agent: string }, { id: string }>(`SELECT t.id FROM tasks t
    WHERE t.lease_agent_id IS NULL AND t.status IN ('inbox', 'assigned') AND t.assigned_agent_id = @agent
      AND t.over_budget_at IS NULL AND ${unblocked}
    ORDER BY ${rank}, t.created_at LIMIT 1`);
  const open = db.prepare<[], { id: string }>(`SELECT t.id FROM tasks t
    WHERE t.lease_agent_id IS NULL AND t.status IN ('inbox', 'assigned') AND t.status = 'inbox'
      AND t.assigned_agent_id IS NULL AND t.over_budget_at IS NULL AND ${unblocked}
    ORDER BY ${rank}, t.created_at LIMIT 1`);
  const next = { get: ({ agent }: { agent: string }) => mine.get({ agent }) ?? open.get() };
  const take = db.prepare(`UPDATE tasks SET status = 'in_progress', assigned_agent_id = @agent,
    lease_agent_id = @agent, lease_expires_at = @expires, lease_s = @lease_s, origin_status = status,
    origin_agent_id = assigned_agent_id, claim_count = claim_count + 1, expired_at = NULL,
    version = version + 1, updated_at = @now,
    status_changed_at = CASE WHEN status <> 'in_progress' THEN @now ELSE status_changed_at END WHERE id = @id`);
  const row = db.prepare<[string], TaskRow>(`SELECT ${TASK_SELECT} FROM tasks t WHERE t.id = ?`);
  const renew = db.prepare<[string, number, string]>(
    'UPDATE tasks SET lease_expires_at = ?, lease_s = ? WHERE id = ?',
  );
  const heldBy = db.prepare<[string, string], { id: string; lease_s: number }>(
    'SELECT id, lease_s FROM tasks WHERE lease_agent_id = ? AND lease_expires_at > ? AND over_budget_at IS NULL',
  );
  // Back where the claim found it; if that agent was deleted since, to the inbox unassigned (the
  // agent's id would break the foreign key, and "assigned" to nobody would be claimable by no one).
  const handBack = db.prepare(`UPDATE tasks SET
    assigned_agent_id = (SELECT a.id FROM agents a WHERE a.id = origin_agent_id),
    status = CASE WHEN EXISTS (SELECT 1 FROM agents a WHERE a.id = origin_agent_id)
      THEN coalesce(origin_status, 'inbox') ELSE 'inbox' END,
    lease_agent_id = NULL, lease_expires_at = NULL, lease_s = NULL,
    expiry_count = expiry_count + @expired, expired_at = CASE WHEN @expired = 1 THEN @now ELSE expired_at END,
    version = version + 1, updated_at = @now, status_changed_at = @now WHERE id = @id`);
  const due = db.prepare<[string, number], TaskRow>(
    `SELECT ${TASK_SELECT} FROM tasks t WHERE t.lease_expires_at <= ? ORDER BY t.lease_expires_at LIMIT ?`,
  );
  const nextDue = db.prepare<[], { at: string | null }>(
    'SELECT MIN(lease_expires_at) AS at FROM tasks WHERE lease_expires_at IS NOT NULL',
  );

  const nameOf = (agentId: string) => agents.find(agentId)?.name ?? agentId;
  /** The task's live lease held by `agentId`, or a 409 lease_lost saying why not. */
  const held = (taskId: string, agentId: string, now: string): TaskRow => {
    const current = row.get(taskId);
    // Unknown ids are the caller's mistake (404 in the path, 422 in the body), not a lost lease.
    if (!current) throw notFound('task', taskId);
    agents.assertExists(agentId, 'agent_id');
    if (current.lease_agent_id === null)
      throw leaseLost(taskId, agentId, `the task is ${current.status}, not leased`);
    if (current.lease_agent_id !== agentId) throw leaseLost(taskId, agentId, 'another agent holds it');
    if ((current.lease_expires_at ?? '') <= now) throw leaseLost(taskId, agentId, 'the lease expired');
    return current;
  };
  const leaseOf = (task: Task): Lease => task.lease as Lease;

  /** Hands a task back where its claim took it from, logging why; inside the caller's write. */
  function giveBack(before: TaskRow, now: string, why: 'released' | 'expired' | 'over_budget'): Task {
    const expired = why === 'expired';
    handBack.run({ id: before.id, now, expired: expired ? 1 : 0 });
    const task = tasks.get(before.id);
    const who = nameOf(before.lease_agent_id ?? '');
    const where = task.status === 'assigned' ? `Assigned (${nameOf(task.assigned_agent_id ?? '')})` : 'Inbox';
    const count = before.expiry_count + 1;
    const message =
      why === 'over_budget'
        ? `Lease ended: the task is over its budget, so ${who} could not renew it; handed back to ${where}`
        : expired
          ? `Lease expired: ${who} went silent (no renewal for ${before.lease_s ?? 0} s); handed back to ${where}` +
            (count >= STUCK_AFTER ? ` — stuck after ${count} expiries` : '')
          : `Released by ${who}; handed back to ${where}`;
    tx.emit('task_updated', updatedPayload(task, before), now);
    activities.append(
      before.id,
      {
        activity_type: 'status_changed',
        message,
        agent_id: why === 'released' ? before.lease_agent_id : null,
        metadata: { from: before.status, to: task.status, lease: why, agent_id: before.lease_agent_id },
      },
      now,
    );
    return task;
  }

  return {
    /** Takes the next claimable task for `agentId` (422 for an unknown agent), or null. */
    claim(agentId: string, leaseS = DEFAULT_LEASE_S): Claim | null {
      return tx.write(() => {
        agents.assertExists(agentId, 'agent_id');
        const now = tx.now();
        agents.seen(agentId, now);
        const found = next.get({ agent: agentId });
        if (!found) return null;
        const before = tasks.get(found.id);
        take.run({ id: found.id, agent: agentId, expires: plusSeconds(now, leaseS), lease_s: leaseS, now });
        const task = tasks.get(found.id);
        tx.emit('task_updated', updatedPayload(task, before), now);
        activities.append(
          task.id,
          {
            activity_type: 'status_changed',
            message: `Claimed by ${nameOf(agentId)} (lease ${leaseS} s)`,
            agent_id: agentId,
            metadata: { from: before.status, to: 'in_progress', lease: 'claimed', lease_s: leaseS },
          },
          now,
        );
        return { task, lease: leaseOf(task) };
      });
    },
    /** Extends the lease (no event: events carry the lease as the claim set it; GET is current). */
    renew(taskId: string, agentId: string, leaseS?: number): Claim {
      return tx.write(() => {
        const now = tx.now();
        const current = held(taskId, agentId, now);
        if (current.over_budget_at !== null) {
          const { budget_usd, usage } = usageFromRow(current);
          throw overBudget(taskId, budget_usd, usage.cost_usd);
        }
        const seconds = leaseS ?? current.lease_s ?? DEFAULT_LEASE_S;
        renew.run(plusSeconds(now, seconds), seconds, taskId);
        agents.seen(agentId, now);
        const task = tasks.get(taskId);
        return { task, lease: leaseOf(task) };
      });
    },
    /** The agent gives the task back where it came from. */
    release(taskId: string, agentId: string): Task {
      return tx.write(() => {
        const now = tx.now();
        const current = held(taskId, agentId, now);
        agents.seen(agentId, now);
        return giveBack(current, now, 'released');
      });
    },
    /** A heartbeat renews every live lease the agent holds, each by its own length. */
    renewAll(agentId: string, now: string): number {
      const leases = heldBy.all(agentId, now);
      for (const lease of leases) renew.run(plusSeconds(now, lease.lease_s), lease.lease_s, lease.id);
      return leases.length;
    },
    /**
     * The sweeper's part: leases expired by `at` are handed back, each with its activity, at most
     * `limit` in one transaction (the sweeper comes back at once for the rest, so a server that was
     * down for a while does not stall its event loop on thousands of them).
     */
    expire(at: string, limit = EXPIRE_BATCH): number {
      return tx.write(() => {
        const expired = due.all(at, limit);
        // An over-budget task's lease ran out because renewals were refused: not the agent's silence.
        for (const before of expired)
          giveBack(before, at, before.over_budget_at === null ? 'expired' : 'over_budget');
        return expired.length;
      });
    },
    /** When the next lease runs out (ms since the epoch), or null. */
    nextExpiry(): number | null {
      const at = nextDue.get()?.at;
      return at ? Date.parse(at) : null;
    },
  };
}

export type Leases = ReturnType<typeof createLeases>;
