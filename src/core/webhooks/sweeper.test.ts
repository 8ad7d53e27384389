// Retries on the real clock and the real sweeper: the sweeper sleeps while a retry is in flight
// (no busy loop on a due moment that an attempt is already serving) and wakes for the next one.
import { afterEach, expect, it } from 'vitest';
import { testCore } from '../testing/harness.ts';
import { type Receiver, startReceiver } from '../testing/webhook-receiver.ts';

let receiver: Receiver;
let t: ReturnType<typeof testCore>;
afterEach(async () => {
  t.close();
  await receiver.close();
});

it('retries a slow failing receiver after 1 s, 2 s, … without waking the sweeper in between', async () => {
  receiver = await startReceiver();
  receiver.answer = () => ({ status: 500, delayMs: 400 });
  t = testCore({ webhooks: { timeoutMs: 2000, random: () => 1 } });
  const { core } = t;
  const engine = core.webhooks.engine;
  let sweeps = 0;
  const due = engine.due.bind(engine);
  engine.due = (now: string) => {
    sweeps++;
    due(now);
  };
  core.webhooks.create({ url: receiver.url, events: [] });
  core.tasks.create({ title: 'to a receiver that fails slowly' });
  // Attempts at 0, ~1.4 s (1 s after the first answer), ~3.8 s (2 s after the second).
  await receiver.until((r) => r.received.length === 3, 6000);
  expect(sweeps).toBeGreaterThanOrEqual(2);
  expect(sweeps).toBeLessThan(20);
}, 10_000);
