// Reconnect delays: exponential backoff with full jitter so many boards don't reconnect in lockstep.
interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 400, maxMs: 8_000 };

/** Delay before attempt `failures` (1 = first retry): between half and all of min(max, base·2^(n-1)). */
export function backoffDelay(failures: number, options = DEFAULT_BACKOFF, random = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
