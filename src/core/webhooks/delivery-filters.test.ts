// What each webhook is sent: its agent's news and its event types only, and a reset when its cursor
// is older than the retained log or one this log never handed out.
import { afterEach, describe, expect, it } from 'vitest';
import { isRelevantTo } from '../../shared/relevance.ts';
import { startReceiver } from '../testing/webhook-receiver.ts';
import { cleanUp, cleanups, eventsOf, idle, ids, setup, task } from './delivery-setup.ts';

afterEach(cleanUp);

describe('webhook delivery filters and resets', () => {
  it("with agent_id delivers exactly that agent's news (the inbox rule); events filters by type", async () => {
    const s = await setup();
    const a = (await s.core.run('agents.create', { name: 'A' })) as { id: string };
    const b = (await s.core.run('agents.create', { name: 'B' })) as { id: string };
    const other = await startReceiver();
    cleanups.push(() => other.close());
    s.core.webhooks.create({ url: s.receiver.url, events: [], agent_id: a.id });
    s.core.webhooks.create({ url: other.url, events: ['comment_added'] });
    const mine = await task(s.core, 'for A', { assigned_agent_id: a.id });
    const theirs = await task(s.core, 'for B', { assigned_agent_id: b.id });
    await s.core.run('comments.create', { task_id: mine.id, body: 'how is it going?' });
    await s.core.run('comments.create', { task_id: mine.id, body: 'fine', agent_id: a.id });
    await s.core.run('comments.create', { task_id: theirs.id, body: 'and you?' });
    await s.core.run('tasks.update', { id: theirs.id, changes: { assigned_agent_id: a.id } });
    await s.core.run('tasks.update', { id: mine.id, changes: { assigned_agent_id: b.id } });
    await s.core.run('tasks.update', { id: mine.id, changes: { title: 'now B' } });
    await idle(s.core);
    const events = eventsOf(s.core);
    const relevant = events.filter((e) => isRelevantTo(e, a.id)).map((e) => e.id);
    expect(relevant.length).toBeGreaterThanOrEqual(4);
    expect(ids(s.receiver.accepted)).toEqual(relevant);
    expect(ids(other.accepted)).toEqual(events.filter((e) => e.type === 'comment_added').map((e) => e.id));
  });

  it('sends one reset delivery when the log no longer holds the cursor, then goes on', async () => {
    const s = await setup({ retainEvents: 10 });
    const hook = s.core.webhooks.create({ url: s.receiver.url, events: [] });
    s.core.webhooks.update(hook.id, { enabled: false });
    for (let i = 0; i < 30; i++) await task(s.core, `t${i}`);
    s.core.pruneEvents();
    const { oldest, latest } = s.core.events.bounds();
    expect(oldest).toBeGreaterThan(2);
    s.core.webhooks.update(hook.id, { enabled: true });
    await s.receiver.until((r) => r.accepted.length === latest - oldest + 2);
    const [reset, ...rest] = s.receiver.accepted;
    expect(reset?.json).toMatchObject({
      id: `reset_${oldest - 1}`,
      type: 'reset',
      data: { last_event_id: oldest - 1, reason: 'event id older than the retained log' },
    });
    expect(reset?.headers['webhook-id']).toBe(`reset_${oldest - 1}`);
    expect(ids(rest)).toEqual(eventsOf(s.core).map((e) => e.id));
    s.receiver.verifyAll(hook.secret);
  });

  it('resets a cursor this log never handed out (an older log restored) and goes on from the latest', async () => {
    const s = await setup();
    await task(s.core, 'before');
    const hook = s.core.webhooks.create({ url: s.receiver.url, events: ['task_created'] });
    s.core.webhooks.update(hook.id, { enabled: false });
    s.core.db.prepare('UPDATE webhooks SET cursor = 999 WHERE id = ?').run(hook.id);
    s.core.webhooks.update(hook.id, { enabled: true });
    await s.receiver.until((r) => r.accepted.length === 1);
    const { latest } = s.core.events.bounds();
    expect(s.receiver.accepted[0]?.json).toMatchObject({
      type: 'reset',
      data: { last_event_id: latest, reason: 'unknown event id' },
    });
    await idle(s.core);
    expect(s.core.webhooks.get(hook.id).last_event_id).toBe(latest);
    const after = await task(s.core, 'after');
    await s.receiver.until((r) => r.accepted.length === 2);
    expect(s.receiver.accepted[1]?.json.data.id).toBe(after.id);
  });
});
