// "3 minutes ago", kept fresh by one shared clock instead of a timer per card.
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useSyncExternalStore } from 'react';

dayjs.extend(relativeTime);

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

/** "now", "5m", "3h", "4d": for cards, where space is short. */
function shortAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'now';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `${hours}h` : `${Math.floor(hours / 24)}d`;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Local 'YYYY-MM-DD HH:mm:ss' without dayjs: cards render by the dozen, so this stays cheap. */
const localStamp = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

export function RelativeTime({ iso, short = false }: { iso: string; short?: boolean }) {
  const current = useNow();
  if (short) {
    const ms = Date.parse(iso);
    return (
      <time dateTime={iso} title={localStamp(ms)}>
        {shortAge(current - ms)}
      </time>
    );
  }
  const time = dayjs(iso);
  const text = time.isAfter(current) ? 'just now' : time.from(current);
  return (
    <time dateTime={iso} title={time.format('YYYY-MM-DD HH:mm:ss')}>
      {text}
    </time>
  );
}
