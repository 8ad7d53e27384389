// A clock and timers that only move when a test says so, for the sweeper and everything time-driven.
import type { Clock } from '../domain/transactions.ts';
import type { Timers } from '../sweeper.ts';

export interface FakeClock extends Clock {
  /** Moves time forward by `seconds` (fractions allowed); answers the new now. */
  advance(seconds: number): string;
  /** An ISO timestamp `seconds` after now, without moving the clock. */
  in(seconds: number): string;
}

export function fakeClock(start = '2030-01-01T00:00:00.000Z'): FakeClock {
  let at = Date.parse(start);
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    now: () => iso(at),
    advance(seconds) {
      at += Math.round(seconds * 1000);
      return iso(at);
    },
    in: (seconds) => iso(at + Math.round(seconds * 1000)),
  };
}

interface FakeTimer {
  fn: () => void;
  ms: number;
  done: boolean;
}

export interface FakeTimers extends Timers {
  /** Timers set and neither cleared nor fired, oldest first. */
  pending(): Array<{ ms: number }>;
  /** Fires the one pending timer (throws unless there is exactly one). */
  fire(): void;
}

export function fakeTimers(): FakeTimers {
  const timers: FakeTimer[] = [];
  const pending = () => timers.filter((t) => !t.done);
  return {
    setTimeout(fn, ms) {
      const timer: FakeTimer = { fn, ms, done: false };
      timers.push(timer);
      return timer;
    },
    clearTimeout(handle) {
      (handle as FakeTimer).done = true;
    },
    pending: () => pending().map(({ ms }) => ({ ms })),
    fire() {
      const due = pending();
      if (due.length !== 1) throw new Error(`expected one pending timer, found ${due.length}`);
      const [timer] = due as [FakeTimer];
      timer.done = true;
      timer.fn();
    },
  };
}
