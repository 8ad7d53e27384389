// A card's age ("now", "5m", "3h", "4d"): short, for cards, and without dayjs (the board's first chunk).
import { useNow } from './now-clock.ts';

function shortAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'now';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `${hours}h` : `${Math.floor(hours / 24)}d`;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Local 'YYYY-MM-DD HH:mm:ss': cards render by the dozen, so this stays cheap. */
const localStamp = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

export function CardAge({ iso }: { iso: string }) {
  const ms = Date.parse(iso);
  return (
    <time dateTime={iso} title={localStamp(ms)}>
      {shortAge(useNow() - ms)}
    </time>
  );
}
