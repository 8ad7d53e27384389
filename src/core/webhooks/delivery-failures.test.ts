// Delivery going wrong: refusals of slow, redirecting and error answers (oversized ones are accepted),
// failing and turning off, attempts cut short by a re-point or a close, retries across a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../core.ts';
import { type Receiver, startReceiver } from '../testing/webhook-receiver.ts';
import { cleanUp, cleanups, eventsOf, idle, ids, retryUntil, setup, task } from './delivery-setup.ts';

afterEach(cleanUp);

describe('webhook delivery failures', () => {
  it('counts a timeout, a redirect and an error status as failures, and an oversized 2xx answer as accepted', async () => {
    const s = await setup();
    const hook = s.core.webhooks.create({ url: s.receiver.url, events: [] });
    const script: Array<(r: Receiver) => object> = [
      () => ({ delayMs: 1000 }),
      (r) => ({ status: 302, headers: { location: `http://127.0.0.1:${r.port}/elsewhere` } }),
      () => ({ status: 410 }),
      () => ({ body: Buffer.alloc(5 * 1024 * 1024, 97) }),
    ];
    s.receiver.answer = (_, n) => script[n]?.(s.receiver) ?? {};
    await task(s.core, 'one');
    await task(s.core, 'two');
    await idle(s.core);
    await retryUntil(s, () => s.receiver.accepted.length === 2, 5);
    const attempts = (s.core.webhooks.deliveries(hook.id, { limit: 10 }) as object[]).reverse();
    expect(attempts).toMatchObject([
      { status_code: null, error: 'timed out after 0.3 s' },
      { status_code: 302, error: 'redirect (302) not followed' },
      { status_code: 410, error: 'HTTP 410' },
      { status_code: 200, error: null },
      { status_code: 200, error: null },
    ]);
    // The redirect was not followed: every request went to the webhook's own path.
    expect(s.receiver.received.every((r) => r.json.type === 'task_created')).toBe(true);
    expect(s.receiver.received).toHaveLength(5);
  });

  it('puts a webhook failing 5 times in a row on the attention list, and turns it off after 24 h', async () => {
    const s = await setup();
    s.receiver.answer = () => ({ status: 500 });
    const hook = s.core.webhooks.create({ url: s.receiver.url, events: [] });
    await task(s.core, 'stuck behind a dead receiver');
    await task(s.core, 'and this one');
    await idle(s.core);
    const failing = () => s.core.attention.list().filter((i) => i.kind === 'webhook_failing');
    await retryUntil(s, () => s.core.webhooks.get(hook.id).failures === 4, 20);
    expect(failing()).toEqual([]);
    await retryUntil(s, () => s.core.webhooks.get(hook.id).failures === 5, 60);
    expect(failing()).toEqual([
      expect.objectContaining({
        key: `webhook_failing:${hook.id}`,
        webhook_id: hook.id,
        message: `Webhook to 127.0.0.1:${s.receiver.port} is failing (5 attempts in a row)`,
      }),
    ]);
    const since = Date.parse(s.core.webhooks.get(hook.id).failing_since ?? '');
    const turns = await retryUntil(s, () => !s.core.webhooks.get(hook.id).enabled, 300, 400);
    const off = s.core.webhooks.get(hook.id);
    expect(off).toMatchObject({ enabled: false, disabled_reason: 'failing', next_attempt_at: null });
    expect(Date.parse(off.updated_at) - since).toBeGreaterThanOrEqual(24 * 3600_000);
    expect(Date.parse(off.updated_at) - since).toBeLessThan(24 * 3600_000 + 301_000);
    expect(turns).toBeGreaterThan(280);
    expect(failing()[0]?.message).toContain('was turned off after 24 h of failures');
    const attempts = s.receiver.received.length;
    s.clock.advance(3600);
    s.core.sweeper.sweep();
    await idle(s.core);
    expect(s.receiver.received).toHaveLength(attempts);

    // On again: from the cursor, the first event first; off the attention list.
    s.receiver.answer = () => ({});
    s.core.webhooks.update(hook.id, { enabled: true });
    // Every event from the first that failed: the two tasks, then its own failing and disabled news.
    const all = eventsOf(s.core).map((e) => e.id);
    await s.receiver.until((r) => r.accepted.length === all.length);
    expect(ids(s.receiver.accepted)).toEqual(all);
    expect(failing()).toEqual([]);
    // Each change of the attention list came with an event, so boards refetch it at once.
    expect(
      eventsOf(s.core)
        .filter((e) => e.type === 'webhook_health_changed')
        .map((e) => e.payload),
    ).toEqual([
      { webhook_id: hook.id, state: 'failing', failures: 5 },
      { webhook_id: hook.id, state: 'disabled', failures: expect.any(Number) },
      { webhook_id: hook.id, state: 'cleared', failures: 0 },
    ]);
  });

  it('re-pointed while an attempt is in flight, drops that attempt and goes on from its cursor at the new URL', async () => {
    const s = await setup({ webhooks: { timeoutMs: 2000, random: () => 1 } });
    const other = await startReceiver();
    cleanups.push(() => other.close());
    s.receiver.answer = () => ({ delayMs: 300 });
    const hook = s.core.webhooks.create({ url: s.receiver.url, events: [] });
    await task(s.core, 'in flight when re-pointed');
    await s.receiver.until((r) => r.received.length === 1);
    s.core.webhooks.update(hook.id, { url: other.url, events: ['task_created'] });
    await task(s.core, 'after');
    await other.until((r) => r.accepted.length === 2);
    await idle(s.core);
    expect(ids(other.accepted)).toEqual(eventsOf(s.core).map((e) => e.id));
    expect(s.core.webhooks.get(hook.id)).toMatchObject({ failures: 0, url: other.url });
    const attempts = s.core.webhooks.deliveries(hook.id, { limit: 10 }) as { status_code: number }[];
    expect(attempts.map((a) => a.status_code)).toEqual([200, 200]);
  });

  it('tries a pending retry at once when the core starts again, whatever its backoff was', async () => {
    const s = await setup();
    s.receiver.answer = () => ({ status: 500 });
    const hook = s.core.webhooks.create({ url: s.receiver.url, events: [] });
    await task(s.core, 'waits across the restart');
    await idle(s.core);
    // Five minutes of backoff pending.
    await retryUntil(s, () => s.core.webhooks.get(hook.id).failures >= 10, 600, 20);
    expect(Date.parse(s.core.webhooks.get(hook.id).next_attempt_at ?? '')).toBeGreaterThan(
      Date.parse(s.clock.now()) + 60_000,
    );
    s.core.close();
    s.receiver.answer = () => ({});
    const again = createCore({ dataDir: s.dir, clock: s.clock, sweep: false, webhooks: { timeoutMs: 300 } });
    cleanups.push(() => again.close());
    // The task, then its own news: "failing" (written at the 5th failure), "cleared" (once accepted).
    await s.receiver.until((r) => r.accepted.length === 3, 5000);
    expect(ids(s.receiver.accepted)).toEqual(eventsOf(again).map((e) => e.id));
    expect(s.receiver.accepted.map((r) => [r.json.type, r.json.data.state])).toEqual([
      ['task_created', undefined],
      ['webhook_health_changed', 'failing'],
      ['webhook_health_changed', 'cleared'],
    ]);
  });

  it('closes with an attempt in flight: aborts it, records nothing, and sends it again after a restart', async () => {
    const s = await setup({ webhooks: { timeoutMs: 5000 } });
    s.receiver.answer = (_, n) => (n === 0 ? { delayMs: 3000 } : {});
    const hook = s.core.webhooks.create({ url: s.receiver.url, events: [] });
    await task(s.core, 'in flight at close');
    await s.receiver.until((r) => r.received.length === 1);
    const started = performance.now();
    s.core.close();
    await idle(s.core);
    expect(performance.now() - started).toBeLessThan(500);
    const again = createCore({ dataDir: s.dir, clock: s.clock, sweep: false, webhooks: { timeoutMs: 5000 } });
    cleanups.push(() => again.close());
    expect(again.webhooks.deliveries(hook.id, { limit: 10 })).toEqual([]);
    expect(again.webhooks.get(hook.id).last_event_id).toBe(0);
    await s.receiver.until((r) => r.accepted.length === 1);
    expect(s.receiver.accepted[0]?.headers['webhook-id']).toBe(s.receiver.received[0]?.headers['webhook-id']);
  });
});
