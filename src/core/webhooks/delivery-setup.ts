// Shared setup for the webhook delivery tests: a core on the fake clock with a receiver on loopback,
// and helpers to write tasks, wait for the engine and step through retries.
import type { DomainEvent } from '../../shared/events.ts';
import { type Core, type CoreOptions, createCore } from '../core.ts';
import { type FakeClock, fakeClock } from '../testing/fake-clock.ts';
import { tempDir } from '../testing/harness.ts';
import { type Receiver, startReceiver } from '../testing/webhook-receiver.ts';

/** Run in reverse after each test (`afterEach(cleanUp)`); tests push what they start themselves. */
export const cleanups: Array<() => unknown> = [];
export async function cleanUp(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) await c();
}

export interface Setup {
  core: Core;
  clock: FakeClock;
  receiver: Receiver;
  dir: string;
}

export async function setup(options: Partial<CoreOptions> = {}, dir?: string): Promise<Setup> {
  const temp = dir ? null : tempDir();
  const clock = fakeClock(new Date().toISOString());
  const core = createCore({
    dataDir: dir ?? (temp?.dir as string),
    clock,
    sweep: false,
    webhooks: { timeoutMs: 300, random: () => 1 },
    ...options,
  });
  const receiver = await startReceiver();
  cleanups.push(() => temp?.cleanup());
  cleanups.push(() => core.close());
  cleanups.push(() => receiver.close());
  return { core, clock, receiver, dir: dir ?? (temp?.dir as string) };
}

export const task = async (core: Core, title: string, extra: object = {}) =>
  (await core.run('tasks.create', { title, ...extra })) as { id: string };
export const idle = (core: Core) => core.webhooks.engine.idle();
export const ids = (list: { json: { id: unknown } }[]) => list.map((r) => r.json.id);
export const eventsOf = (core: Core): DomainEvent[] => core.events.after(0, 10_000);

/** Moves the fake clock past each retry and lets the sweeper send it, until `done` (or too many turns). */
export async function retryUntil(s: Setup, done: () => boolean, stepS = 60, turns = 50): Promise<number> {
  let n = 0;
  while (!done() && n++ < turns) {
    s.clock.advance(stepS);
    s.core.sweeper.sweep();
    await idle(s.core);
  }
  return n;
}
