// "3 minutes ago", kept fresh by the shared clock (cards use the shorter CardAge).
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useNow } from './now-clock.ts';

dayjs.extend(relativeTime);

export function RelativeTime({ iso }: { iso: string }) {
  const current = useNow();
  const time = dayjs(iso);
  const text = time.isAfter(current) ? 'just now' : time.from(current);
  return (
    <time dateTime={iso} title={time.format('YYYY-MM-DD HH:mm:ss')}>
      {text}
    </time>
  );
}
