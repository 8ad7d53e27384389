// The delivery engine against a real receiver on loopback: order, Standard Webhooks signatures,
// retries on the fake clock, and pings (which never show the secret).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, eventsOf, idle, ids, retryUntil, setup, task } from './delivery-setup.ts';

afterEach(cleanUp);

describe('webhook delivery', () => {
  it('sends each event written after the webhook was created, in order, signed as Standard Webhooks', async () => {
    const s = await setup();
    await task(s.core, 'before the webhook');
    const hook = s.core.webhooks.create({ url: s.receiver.url, events: [] });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    for (const title of ['one', 'two', 'three']) await task(s.core, title);
    await s.receiver.until((r) => r.accepted.length === 3);
    s.receiver.verifyAll(hook.secret);
    const events = eventsOf(s.core).slice(1);
    expect(ids(s.receiver.received)).toEqual(events.map((e) => e.id));
    const [first] = s.receiver.received;
    expect(first?.headers['webhook-id']).toBe(String(events[0]?.id));
    expect(Number(first?.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -2);
    expect(first?.json).toEqual({
      id: events[0]?.id,
      type: 'task_created',
      timestamp: events[0]?.created_at,
      data: events[0]?.payload,
    });
    await idle(s.core);
    expect(s.core.webhooks.get(hook.id).last_event_id).toBe(events.at(-1)?.id);
  });

  it('writes accepted attempts in a window, yet every read sees them at once', async () => {
    // A window longer than the test: only the reads themselves can have written the attempts.
    const s = await setup({ webhooks: { timeoutMs: 300, random: () => 1, writeWindowMs: 60_000 } });
    const hook = s.core.webhooks.create({ url: s.receiver.url, events: [] });
    for (let i = 0; i < 30; i++) await task(s.core, `event ${i}`);
    await s.receiver.until((r) => r.accepted.length === 30);
    const attempts = () => s.core.webhooks.deliveries(hook.id, { limit: 100 }) as { event_id: string }[];
    await expect.poll(() => attempts().length).toBe(30);
    const events = eventsOf(s.core);
    expect(attempts().map((a) => Number(a.event_id))).toEqual(events.map((e) => e.id).reverse());
    expect(s.core.webhooks.get(hook.id).last_event_id).toBe(events.at(-1)?.id);
    expect(s.core.webhooks.list()[0]?.last_event_id).toBe(events.at(-1)?.id);
  });

  it('retries a failing receiver with backoff and still delivers every event exactly once, in order', async () => {
    const s = await setup();
    s.receiver.answer = (_, n) => ({ status: n < 3 ? 503 : 204 });
    const hook = s.core.webhooks.create({ url: s.receiver.url, events: [] });
    for (const title of ['a', 'b', 'c']) await task(s.core, title);
    await idle(s.core);
    expect(s.receiver.received).toHaveLength(1);
    const waiting = s.core.webhooks.get(hook.id);
    expect(waiting).toMatchObject({ failures: 1, failing_since: expect.any(String) });
    // 1 s after the failure (jitter pinned to its top), not before.
    expect(Date.parse(waiting.next_attempt_at ?? '') - Date.parse(waiting.failing_since ?? '')).toBe(1000);
    expect(s.core.sweeper.nextDue()).toBe(Date.parse(waiting.next_attempt_at ?? ''));
    s.clock.advance(0.5);
    s.core.sweeper.sweep();
    await idle(s.core);
    expect(s.receiver.received).toHaveLength(1);

    await retryUntil(s, () => s.receiver.accepted.length === 3, 5);
    const events = eventsOf(s.core);
    const first = String(events[0]?.id);
    expect(s.receiver.received.map((r) => r.headers['webhook-id'])).toEqual([
      first,
      first,
      first,
      ...events.map((e) => String(e.id)),
    ]);
    expect(ids(s.receiver.accepted)).toEqual(events.map((e) => e.id));
    s.receiver.verifyAll(hook.secret);
    expect(s.core.webhooks.get(hook.id)).toMatchObject({ failures: 0, next_attempt_at: null });
    const attempts = s.core.webhooks.deliveries(hook.id, { limit: 100 }) as { status_code: number | null }[];
    expect(attempts.map((a) => a.status_code).reverse()).toEqual([503, 503, 503, 204, 204, 204]);
  });

  it('answers a ping outside the event order, and never shows the secret anywhere but the create answer', async () => {
    const s = await setup();
    const hook = s.core.webhooks.create({ url: s.receiver.url, events: ['task_deleted'] });
    const ping = await s.core.webhooks.test(hook.id);
    expect(ping).toMatchObject({
      type: 'ping',
      status_code: 200,
      error: null,
      event_id: expect.stringMatching(/^ping_/),
    });
    expect(s.receiver.received[0]?.json).toMatchObject({
      id: ping.event_id,
      type: 'ping',
      data: { webhook_id: hook.id },
    });
    expect(s.receiver.received[0]?.headers['webhook-id']).toBe(ping.event_id);
    s.receiver.verifyAll(hook.secret);
    expect(s.core.webhooks.get(hook.id).last_event_id).toBe(0);
    const seen = JSON.stringify([
      s.core.webhooks.list(),
      s.core.webhooks.get(hook.id),
      s.core.webhooks.deliveries(hook.id, { limit: 100 }),
      s.core.webhooks.update(hook.id, { description: 'quiet' }),
      eventsOf(s.core),
      s.core.attention.list(),
    ]);
    expect(seen).not.toContain(hook.secret);
    expect(seen).not.toContain(hook.secret.slice(6));
    expect(seen).not.toContain('whsec_');
  });
});
