// One shared clock for every "3 minutes ago" on the page, instead of a timer per card.
import { useSyncExternalStore } from 'react';

const TICK_MS = 30_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  // The clock stood still while nobody watched it: the first watcher restarts it from the real time
  // (only when it is more than a tick behind, so a board's first render is not rendered twice).
  if (!timer && Date.now() - now > TICK_MS) now = Date.now();
  timer ??= setInterval(() => {
    now = Date.now();
    for (const l of listeners) l();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
};

export const useNow = () => useSyncExternalStore(subscribe, () => now);
