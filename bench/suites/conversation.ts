// The human in the loop: how soon a waiting agent inbox hears the operator's review decision (over
// HTTP, the server as a child process, next to a create's and the decision's own round trips), and
// what computing the attention list costs in process at 10,000 tasks against 100.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../src/core/core.ts';
import { startServerChild } from '../lib/child.ts';
import { RawConnection, requestBytes } from '../lib/raw-client.ts';
import { round, type Summary, sleep, summarize } from '../lib/stats.ts';

export interface AttentionLevel {
  tasks: number;
  review: number;
  staleSessions: number;
  expiredLeases: number;
  /** Items on the list (review + stale sessions + expired leases). */
  items: number;
  seedSeconds: number;
  /** `core.attention.list()`, ms. */
  list: Summary;
}

export interface ConversationResult {
  rounds: number;
  /** Approve sent → the waiting inbox answer (with `review_decided`), ms. */
  wake: Summary;
  /** The approve's own round trip in the same rounds, ms (the floor for `wake`). */
  reviewRoundTrip: Summary;
  /** A create's round trip in the same rounds, ms (the plainest write). */
  createRoundTrip: Summary;
  attention: AttentionLevel[];
}

const json = (body: unknown) => JSON.stringify(body);

async function inboxWake(rounds: number) {
  const mc = await startServerChild('mission-control');
  try {
    const setup = await RawConnection.open(mc.port);
    const waiter = await RawConnection.open(mc.port);
    const send = (conn: RawConnection, method: string, path: string, body?: unknown) =>
      conn.request(
        requestBytes(method, path, mc.port, mc.token, body === undefined ? undefined : json(body)),
      );
    const parsed = async (conn: RawConnection, method: string, path: string, body?: unknown) => {
      const res = await send(conn, method, path, body);
      if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${res.body}`);
      return JSON.parse(res.body);
    };
    const agent = (await parsed(setup, 'POST', '/api/agents', { name: 'reviewed' })).id as string;
    const wake: number[] = [];
    const reviewRoundTrip: number[] = [];
    const createRoundTrip: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const c = performance.now();
      const task = await parsed(setup, 'POST', '/api/tasks', {
        title: `review ${r}`,
        status: 'review',
        assigned_agent_id: agent,
      });
      createRoundTrip.push(performance.now() - c);
      const { last_event_id } = await parsed(waiter, 'GET', `/api/agents/${agent}/inbox`);
      const waiting = send(waiter, 'GET', `/api/agents/${agent}/inbox?after=${last_event_id}&wait_s=10`);
      await sleep(5);
      const sent = performance.now();
      const approved = send(setup, 'POST', `/api/tasks/${task.id}/review`, { decision: 'approve' });
      const [answer] = await Promise.all([
        waiting.then((res) => ({ res, at: performance.now() })),
        approved.then(() => reviewRoundTrip.push(performance.now() - sent)),
      ]);
      if (answer.res.status !== 200) throw new Error(`waiting inbox answered ${answer.res.status}`);
      const events = JSON.parse(answer.res.body).events as Array<{ type: string }>;
      if (!events.some((e) => e.type === 'review_decided'))
        throw new Error(`the inbox woke without review_decided: ${answer.res.body}`);
      wake.push(answer.at - sent);
    }
    waiter.close();
    setup.close();
    return { wake, reviewRoundTrip, createRoundTrip };
  } finally {
    await mc.stop();
  }
}

const OTHER_STATUSES = ['inbox', 'assigned', 'in_progress', 'testing', 'done'] as const;

/**
 * A board of `tasks` tasks, a tenth in review, one in fifty with a stale session, one in a hundred
 * handed back by lease expiry (the rest spread over the other columns), built through the domain on
 * a fake clock; then `core.attention.list()` timed `samples` times.
 */
function attentionCost(tasks: number, samples: number): AttentionLevel {
  const dir = mkdtempSync(join(tmpdir(), 'mc-bench-attention-'));
  let now = Date.parse('2026-01-01T00:00:00.000Z');
  const core = createCore({ dataDir: dir, clock: { now: () => new Date(now).toISOString() }, sweep: false });
  try {
    const review = Math.round(tasks / 10);
    const staleSessions = Math.round(tasks / 50);
    const expiredLeases = Math.round(tasks / 100);
    const started = performance.now();
    const worker = core.agents.create({ name: 'worker' });
    const holder = core.agents.create({ name: 'holder' });
    core.db.transaction(() => {
      // The leased ones first and urgent, so the holder's claims take exactly these.
      for (let i = 0; i < expiredLeases; i++) core.tasks.create({ title: `leased ${i}`, priority: 'urgent' });
      for (let i = 0; i < expiredLeases; i++) core.leases.claim(holder.id, 60);
      for (let i = expiredLeases; i < tasks; i++) {
        now += 10;
        const inReview = i - expiredLeases < review;
        const status = inReview ? 'review' : OTHER_STATUSES[i % OTHER_STATUSES.length];
        const assigned = status === 'inbox' ? null : worker.id;
        const task = core.tasks.create({ title: `task ${i}`, status, assigned_agent_id: assigned });
        if (i < expiredLeases + staleSessions)
          core.sessions.registerSubagent(task.id, {
            openclaw_session_id: `oc-${i}`,
            agent_id: worker.id,
            heartbeat_ttl_s: 30,
          });
      }
    })();
    now += 120_000;
    core.sweeper.sweep(); // the leases expire and the sessions go stale
    const seedSeconds = round((performance.now() - started) / 1000, 1);
    const items = core.attention.list().length;
    if (items !== review + staleSessions + expiredLeases)
      throw new Error(`attention holds ${items} items, not ${review + staleSessions + expiredLeases}`);
    const out: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      core.attention.list();
      out.push(performance.now() - t);
    }
    return { tasks, review, staleSessions, expiredLeases, items, seedSeconds, list: summarize(out) };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function conversation(options: { rounds: number; levels: number[]; samples: number }) {
  const w = await inboxWake(options.rounds);
  const result: ConversationResult = {
    rounds: options.rounds,
    wake: summarize(w.wake),
    reviewRoundTrip: summarize(w.reviewRoundTrip),
    createRoundTrip: summarize(w.createRoundTrip),
    attention: options.levels.map((tasks) => attentionCost(tasks, options.samples)),
  };
  console.log(
    `  inbox wake on approve p50 ${result.wake.p50} ms p99 ${result.wake.p99} ms (approve round trip p50 ` +
      `${result.reviewRoundTrip.p50} ms, create round trip p50 ${result.createRoundTrip.p50} ms); attention: ` +
      result.attention
        .map((l) => `${l.tasks} tasks (${l.items} items) p50 ${l.list.p50} ms p95 ${l.list.p95} ms`)
        .join(', '),
  );
  return result;
}
