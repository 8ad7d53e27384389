// An agent's avatar with its presence dot: whether the agent is really there (heartbeats), not what it says.
import { Avatar } from '@mantine/core';
import type { Agent } from '../../shared/entities.ts';
import type { AgentPresence } from '../../shared/enums.ts';
import { avatarText } from './avatar-text.ts';

const PRESENCE_WORDS: Record<AgentPresence, string> = {
  online: 'online',
  away: 'away',
  offline: 'offline',
  unknown: 'never seen',
};

const presenceLabel = (presence: AgentPresence) => `Presence: ${PRESENCE_WORDS[presence]}`;

/** Online green, away yellow, offline grey, never seen a hollow ring (styles.css `.mc-presence-*`). */
export function AgentAvatar({ agent }: { agent: Agent }) {
  const seen = agent.last_seen_at ? `, last seen ${new Date(agent.last_seen_at).toLocaleString()}` : '';
  return (
    <span className="mc-presence-anchor">
      <Avatar radius="xl" size={32} data-avatar>
        {avatarText(agent)}
      </Avatar>
      <span
        className={`mc-presence mc-presence-${agent.presence}`}
        role="img"
        aria-label={presenceLabel(agent.presence)}
        title={`${PRESENCE_WORDS[agent.presence]}${seen}`}
        data-testid="presence-dot"
        data-presence={agent.presence}
      />
    </span>
  );
}
