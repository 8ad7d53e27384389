// A core on a fake clock with the sweeper left to the test, recording every published event.
import type { DomainEvent, EventPayloads, EventType } from '../../shared/events.ts';
import type { CoreOptions } from '../core.ts';
import { fakeClock } from './fake-clock.ts';
import { testCore } from './harness.ts';

export function workLoopCore(options: Partial<CoreOptions> = {}) {
  const clock = fakeClock();
  const t = testCore({ clock, sweep: false, ...options });
  const published: DomainEvent[] = [];
  t.core.bus.subscribe((event) => published.push(event));
  return {
    ...t,
    clock,
    /** Every event published since the test began (or since `published.length = 0`). */
    published,
    /** The published events of one type, payloads only. */
    payloads<K extends EventType>(type: K): EventPayloads[K][] {
      return published.filter((e) => e.type === type).map((e) => e.payload as EventPayloads[K]);
    },
    agent: (name = 'Dev') => t.core.agents.create({ name }),
    /** Advances the clock, then runs one sweep. */
    sweepAfter(seconds: number) {
      clock.advance(seconds);
      return t.core.sweeper.sweep();
    },
  };
}
