// "3 minutes ago", kept fresh by one shared clock instead of a timer per card.
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useSyncExternalStore } from 'react';

dayjs.extend(relativeTime);

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    for (const l of listeners) l();
  }, 30_000);
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
};

export const useNow = () => useSyncExternalStore(subscribe, () => now);

export function RelativeTime({ iso }: { iso: string }) {
  const current = useNow();
  const time = dayjs(iso);
  return (
    <time dateTime={iso} title={time.format('YYYY-MM-DD HH:mm:ss')}>
      {time.isAfter(current) ? 'just now' : time.from(current)}
    </time>
  );
}
