// Leases that run out while the server is down (kill -9) are handed back as soon as it starts again.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../../tests/crash/server-process.ts';
import type { StreamEvent } from '../shared/events.ts';
import { SseReader, tempDir } from './testing/harness.ts';

const TOKEN = 'lease-crash-token-0123456789';
const SHORT_LEASE_S = 10;

// biome-ignore lint/suspicious/noExplicitAny: test answers are asserted field by field
type Json = any;
let server: ServerProcess | undefined;
let reader: SseReader | undefined;
const temp = tempDir('mc-lease-crash-');
afterEach(async () => {
  reader?.close();
  await server?.kill9();
  temp.cleanup();
});

async function call(method: string, path: string, json?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${server?.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
const post = (path: string, json?: unknown) => call('POST', path, json);

describe('lease expiry across a kill -9', () => {
  it('hands back every lease that ran out while the server was down within 5 s of the restart', async () => {
    server = await startServerProcess(temp.dir, TOKEN);
    const [ada, bob] = [
      (await post('/api/agents', { name: 'Ada' })).body,
      (await post('/api/agents', { name: 'Bob' })).body,
    ];
    const open = [];
    for (let i = 0; i < 5; i++) open.push((await post('/api/tasks', { title: `open ${i}` })).body);
    const adas = (
      await post('/api/tasks', { title: 'for Ada', status: 'assigned', assigned_agent_id: ada.id })
    ).body;
    const spare = (await post('/api/tasks', { title: 'nobody claims it' })).body;

    // Ada's own task comes first for her, then the oldest open ones; one long lease must survive.
    const claims: Array<{ agent: Json; task: Json; lease: Json }> = [];
    for (const agent of [ada, ada, bob, bob, bob]) {
      const res = await post('/api/work/claim', { agent_id: agent.id, lease_s: SHORT_LEASE_S });
      expect(res.status).toBe(200);
      claims.push({ agent, ...res.body });
    }
    const kept = await post('/api/work/claim', { agent_id: ada.id, lease_s: 3600 });
    expect(kept.status).toBe(200);
    expect(claims[0]?.task.id).toBe(adas.id);
    expect(new Set([...claims.map((c) => c.task.id), kept.body.task.id, spare.id]).size).toBe(7);
    const before = (await call('GET', '/api/snapshot')).body.last_event_id as number;

    await server.kill9();
    // Down for longer than every short lease.
    const lastExpiry = Math.max(...claims.map((c) => Date.parse(c.lease.expires_at)));
    await sleep(Math.max(0, lastExpiry - Date.now()) + 250);
    expect(Date.now()).toBeGreaterThan(lastExpiry);

    const restarted = performance.now();
    server = await startServerProcess(temp.dir, TOKEN);
    const handedBack = async () => {
      const tasks = (await call('GET', '/api/tasks')).body as Json[];
      return claims.every((c) => tasks.find((t) => t.id === c.task.id)?.lease === null) ? tasks : null;
    };
    let tasks = await handedBack();
    while (!tasks && performance.now() - restarted < 5000) {
      await sleep(50);
      tasks = await handedBack();
    }
    const elapsed = performance.now() - restarted;
    console.log(
      `leases handed back ${elapsed.toFixed(0)} ms after the restart began (process start included)`,
    );
    expect(tasks, 'every expired lease handed back within 5 s').not.toBeNull();
    expect(elapsed).toBeLessThan(5000);

    const byId = new Map((tasks as Json[]).map((t) => [t.id, t]));
    for (const { agent, task } of claims) {
      const origin =
        task.id === adas.id
          ? { status: 'assigned', assigned_agent_id: ada.id }
          : { status: 'inbox', assigned_agent_id: null };
      expect(byId.get(task.id)).toMatchObject({ ...origin, lease: null, claim_count: 1 });
      const activities = (await call('GET', `/api/tasks/${task.id}/activities`)).body as Json[];
      const expiries = activities.filter((a) => a.message.startsWith('Lease expired'));
      expect(expiries, `one "Lease expired" activity on ${task.title}`).toHaveLength(1);
      expect(expiries[0].message).toContain(`${agent.name} went silent`);
      expect(expiries[0].metadata).toMatchObject({
        from: 'in_progress',
        to: origin.status,
        lease: 'expired',
      });
    }
    // The long lease and the unclaimed task are untouched.
    expect(byId.get(kept.body.task.id)).toMatchObject({ status: 'in_progress', lease: { agent_id: ada.id } });
    expect(byId.get(spare.id)).toMatchObject({ status: 'inbox', claim_count: 0 });

    // The hand-backs are events in the log: a reader resuming from before the crash sees each one.
    reader = await SseReader.open(`${server.url}/api/events/stream`, {
      authorization: `Bearer ${TOKEN}`,
      'last-event-id': String(before),
    });
    const handBacks = (r: SseReader): StreamEvent[] =>
      r.events.filter((e) => e.type === 'task_updated' && (e.payload as Json).lease === null);
    await reader.until((r) => handBacks(r).length >= claims.length);
    expect(new Set(handBacks(reader).map((e) => (e.payload as Json).id))).toEqual(
      new Set(claims.map((c) => c.task.id)),
    );

    // Handed back means claimable again: Ada gets her own task first.
    const again = await post('/api/work/claim', { agent_id: ada.id });
    expect(again.body.task).toMatchObject({ id: adas.id, claim_count: 2 });
  }, 30_000);
});
