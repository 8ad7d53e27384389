import { afterEach, describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../shared/events.ts';
import { SseReader, startTestServer, type TestServer, tempDir } from '../testing/harness.ts';

const servers: TestServer[] = [];
const readers: SseReader[] = [];
const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const r of readers.splice(0)) r.close();
  for (const s of servers.splice(0)) await s.close();
  for (const c of cleanups.splice(0)) c();
});

async function server(options: Parameters<typeof startTestServer>[0] = {}) {
  const s = await startTestServer(options);
  servers.push(s);
  return s;
}
async function open(s: TestServer, query = '', headers: Record<string, string> = {}) {
  const r = await SseReader.open(`${s.url}/api/events/stream${query}`, headers);
  readers.push(r);
  return r;
}
const json = async (res: Response) => {
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as { id: string };
};
const ids = (events: StreamEvent[]) => events.map((e) => e.id);

describe('event stream', () => {
  it('streams the seed orchestration flow in order with increasing ids', async () => {
    const s = await server();
    const reader = await open(s);
    expect(reader.response.headers.get('content-type')).toContain('text/event-stream');
    expect(reader.response.headers.get('cache-control')).toContain('no-cache');
    expect(reader.response.headers.get('x-accel-buffering')).toBe('no');
    await reader.until((r) => r.frames.length >= 1);
    expect(reader.frames[0]?.retry).toBeGreaterThan(0);

    const orchestrator = await json(
      await s.api('/api/agents', { method: 'POST', json: { name: 'Orchestrator', is_master: true } }),
    );
    const developer = await json(await s.api('/api/agents', { method: 'POST', json: { name: 'Developer' } }));
    // 1. create task
    const task = await json(
      await s.api('/api/tasks', { method: 'POST', json: { title: 'Build feature X', status: 'inbox' } }),
    );
    // 2. log triage activity
    await json(
      await s.api(`/api/tasks/${task.id}/activities`, {
        method: 'POST',
        json: {
          activity_type: 'updated',
          message: 'Triaged and assigned to Developer',
          agent_id: orchestrator.id,
        },
      }),
    );
    // 3. assign
    await json(
      await s.api(`/api/tasks/${task.id}`, {
        method: 'PATCH',
        json: { status: 'assigned', assigned_agent_id: developer.id },
      }),
    );
    // 4. register sub-agent
    await json(
      await s.api(`/api/tasks/${task.id}/subagent`, {
        method: 'POST',
        json: { openclaw_session_id: 'session-123', agent_name: 'Developer Sub-Agent' },
      }),
    );
    // 5. deliverable
    await json(
      await s.api(`/api/tasks/${task.id}/deliverables`, {
        method: 'POST',
        json: {
          deliverable_type: 'file',
          title: 'Implementation',
          path: '~/code/feature-x.ts',
          description: 'Complete implementation',
        },
      }),
    );
    // 6. sub-agent completes
    await json(
      await s.api(`/api/tasks/${task.id}/activities`, {
        method: 'POST',
        json: { activity_type: 'completed', message: 'Completed in 30 seconds' },
      }),
    );
    await json(
      await s.api('/api/openclaw/sessions/session-123', { method: 'PATCH', json: { status: 'completed' } }),
    );
    // 7. move to review
    await json(await s.api(`/api/tasks/${task.id}`, { method: 'PATCH', json: { status: 'review' } }));

    await reader.untilEvents(14);
    expect(reader.events.map((e) => e.type)).toEqual([
      'agent_created',
      'agent_created',
      'task_created',
      'agent_updated', // the orchestrator is seen (its activity names it): presence unknown → online
      'activity_logged',
      'task_updated',
      'activity_logged', // status_changed
      'agent_spawned',
      'activity_logged', // spawned
      'deliverable_added',
      'activity_logged', // completed
      'agent_completed',
      'task_updated',
      'activity_logged', // status_changed
    ]);
    expect(ids(reader.events)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(reader.events.at(-2)?.payload).toMatchObject({ id: task.id, status: 'review', version: 3 });
  });

  it('replays every event after Last-Event-ID (header or query) and then goes live, no gap, no duplicate', async () => {
    const s = await server();
    for (let i = 0; i < 5; i++) await s.api('/api/tasks', { method: 'POST', json: { title: `t${i}` } });
    const byHeader = await open(s, '', { 'last-event-id': '2' });
    const byQuery = await open(s, '?lastEventId=2');
    await byHeader.untilEvents(3);
    await byQuery.untilEvents(3);
    await s.api('/api/tasks', { method: 'POST', json: { title: 'live' } });
    await byHeader.untilEvents(4);
    await byQuery.untilEvents(4);
    expect(ids(byHeader.events)).toEqual([3, 4, 5, 6]);
    expect(ids(byQuery.events)).toEqual([3, 4, 5, 6]);
  });

  it('replays across a server restart with nothing missed or doubled', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const first = await startTestServer({ dataDir: dir });
    const reader = await SseReader.open(`${first.url}/api/events/stream?lastEventId=0`);
    for (let i = 0; i < 3; i++)
      await first.api('/api/tasks', { method: 'POST', json: { title: `before ${i}` } });
    await reader.untilEvents(3);
    reader.close();
    await first.close({ keepData: true });

    const second = await server({ dataDir: dir });
    for (let i = 0; i < 2; i++)
      await second.api('/api/tasks', { method: 'POST', json: { title: `after ${i}` } });
    const lastSeen = reader.events.at(-1)?.id ?? 0;
    const resumed = await open(second, '', { 'last-event-id': String(lastSeen) });
    await resumed.untilEvents(2);
    await second.api('/api/tasks', { method: 'POST', json: { title: 'live' } });
    await resumed.untilEvents(3);
    expect([...ids(reader.events), ...ids(resumed.events)]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(resumed.events[0]?.payload).toMatchObject({ title: 'after 0' });
  });

  it('sends reset when the id is older than the retained log, or unknown', async () => {
    const s = await server({ coreOptions: { retainEvents: 3 } });
    for (let i = 0; i < 10; i++) await s.api('/api/tasks', { method: 'POST', json: { title: `t${i}` } });
    s.core.pruneEvents();
    const old = await open(s, '?lastEventId=1');
    await old.untilEvents(1);
    expect(old.events[0]).toMatchObject({ type: 'reset', id: 10, payload: { last_event_id: 10 } });
    const future = await open(s, '?lastEventId=999');
    await future.untilEvents(1);
    expect(future.events[0]?.type).toBe('reset');
    const fine = await open(s, '?lastEventId=8');
    await fine.untilEvents(2);
    expect(ids(fine.events)).toEqual([9, 10]);
  });

  it('answers 400 to a malformed Last-Event-ID and 401 without a token', async () => {
    const s = await server();
    expect((await fetch(`${s.url}/api/events/stream`)).status).toBe(401);
    const bad = await s.api('/api/events/stream?lastEventId=abc');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('sends keep-alive pings at the configured interval', async () => {
    const s = await server({ sse: { pingMs: 50 } });
    const reader = await open(s);
    await reader.until((r) => r.frames.filter((f) => f.comment === 'ping').length >= 2, 3000);
  });

  it('cleans up a closed connection at once', async () => {
    const s = await server();
    const reader = await open(s);
    await reader.until((r) => r.frames.length >= 1);
    expect(s.server.hub.size).toBe(1);
    reader.close();
    const deadline = Date.now() + 2000;
    while (s.server.hub.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(s.server.hub.size).toBe(0);
  });

  it('publishes deletes and agent changes too', async () => {
    const s = await server();
    const reader = await open(s);
    const agent = await json(await s.api('/api/agents', { method: 'POST', json: { name: 'A' } }));
    await json(await s.api(`/api/agents/${agent.id}`, { method: 'PATCH', json: { status: 'working' } }));
    const task = await json(await s.api('/api/tasks', { method: 'POST', json: { title: 't' } }));
    await json(await s.api(`/api/tasks/${task.id}`, { method: 'DELETE' }));
    await json(await s.api(`/api/agents/${agent.id}`, { method: 'DELETE' }));
    await reader.untilEvents(5);
    expect(reader.events.map((e) => e.type)).toEqual([
      'agent_created',
      'agent_updated',
      'task_created',
      'task_deleted',
      'agent_deleted',
    ]);
  });
});
