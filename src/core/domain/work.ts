// The work loop's entry points: agent heartbeats, and claims that may wait (long-poll) for work.
// Waiting claims are served first come, first served whenever a task event may have made work
// claimable (created, moved, reassigned, handed back, expired, a dependency done).
import type { Agent } from '../../shared/entities.ts';
import type { DomainEvent } from '../../shared/events.ts';
import type { Agents } from './agents.ts';
import { type Claim, DEFAULT_LEASE_S, type Leases } from './leases.ts';
import type { Transactions } from './transactions.ts';

interface Waiter {
  agentId: string;
  leaseS: number;
  signal: AbortSignal | undefined;
  settle(claim: Claim | null, error?: unknown): void;
}

export interface ClaimRequest {
  agent_id: string;
  wait_s?: number;
  lease_s?: number;
}

export function createWork(tx: Transactions, agents: Agents, leases: Leases) {
  const waiters: Waiter[] = [];
  let scheduled = false;

  /** The client went away before its answer: what it claimed goes back at once. */
  const deliver = (waiter: Waiter, claim: Claim | null) => {
    if (claim && waiter.signal?.aborted) {
      leases.release(claim.task.id, waiter.agentId);
      return waiter.settle(null);
    }
    waiter.settle(claim);
  };

  const serve = () => {
    scheduled = false;
    for (let i = 0; i < waiters.length; ) {
      const waiter = waiters[i] as Waiter;
      let claim: Claim | null;
      try {
        claim = leases.claim(waiter.agentId, waiter.leaseS);
      } catch (error) {
        waiters.splice(i, 1);
        waiter.settle(null, error); // the agent was deleted while it waited
        continue;
      }
      if (!claim) {
        i++;
        continue;
      }
      waiters.splice(i, 1);
      deliver(waiter, claim);
    }
  };
  return {
    /** After any committed event: task changes may have made work claimable for a waiting agent. */
    notice(event: DomainEvent): void {
      if (scheduled || waiters.length === 0 || !event.type.startsWith('task_')) return;
      scheduled = true;
      setImmediate(serve);
    },
    /** Marks the agent seen and renews every lease it holds; 404 for an unknown agent. */
    heartbeat(agentId: string): Agent {
      return tx.write(() => {
        agents.get(agentId);
        const now = tx.now();
        const agent = agents.seen(agentId, now);
        leases.renewAll(agentId, now);
        return agent;
      });
    },
    /**
     * Claims the next task for the agent; with `wait_s`, waits up to that long for one (null when
     * none came). `signal` aborts the wait (the client left); a claim made for it is handed back.
     */
    claim(request: ClaimRequest, signal?: AbortSignal): Claim | null | Promise<Claim | null> {
      // The client is already gone: a claim now would hold a task nobody works on.
      if (signal?.aborted) return null;
      const leaseS = request.lease_s ?? DEFAULT_LEASE_S;
      const now = leases.claim(request.agent_id, leaseS);
      const waitS = request.wait_s ?? 0;
      // Answered after this turn's commit: a client that left meanwhile gets its task handed back.
      if (now && signal)
        return new Promise((resolve) =>
          setImmediate(() => deliver({ agentId: request.agent_id, leaseS, signal, settle: resolve }, now)),
        );
      if (now || waitS <= 0) return now;
      return new Promise<Claim | null>((resolve, reject) => {
        const waiter: Waiter = {
          agentId: request.agent_id,
          leaseS,
          signal,
          settle: (claim, error) => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            if (error) reject(error);
            else resolve(claim);
          },
        };
        const leave = () => {
          const at = waiters.indexOf(waiter);
          if (at !== -1) waiters.splice(at, 1);
          waiter.settle(null);
        };
        const onAbort = () => leave();
        const timer = setTimeout(leave, waitS * 1000);
        signal?.addEventListener('abort', onAbort, { once: true });
        waiters.push(waiter);
      });
    },
    /** How many claims are waiting right now. */
    waiting: (): number => waiters.length,
    close(): void {
      for (const waiter of waiters.splice(0)) waiter.settle(null);
    },
  };
}

export type Work = ReturnType<typeof createWork>;
