// Agent presence from the last time an agent was seen: pure, so the sweeper and the domain agree.
import type { AgentPresence } from '../../shared/enums.ts';

/** Seen within this long ago: online; then away until AWAY_MS; offline after. */
export const ONLINE_MS = 90_000;
export const AWAY_MS = 10 * 60_000;

export function presenceAt(lastSeenAt: string | null, nowMs: number): AgentPresence {
  if (lastSeenAt === null) return 'unknown';
  const silent = nowMs - Date.parse(lastSeenAt);
  return silent < ONLINE_MS ? 'online' : silent < AWAY_MS ? 'away' : 'offline';
}

/** When the presence will next change on its own (null when it never will: offline or unknown). */
export function nextPresenceChange(lastSeenAt: string | null, presence: AgentPresence): number | null {
  if (lastSeenAt === null) return null;
  if (presence === 'online') return Date.parse(lastSeenAt) + ONLINE_MS;
  if (presence === 'away') return Date.parse(lastSeenAt) + AWAY_MS;
  return null;
}

/** An ISO timestamp `seconds` after `at` (an ISO timestamp). */
export const plusSeconds = (at: string, seconds: number): string =>
  new Date(Date.parse(at) + seconds * 1000).toISOString();
