// A card's work state: who holds its lease, and what it waits for. Plain elements, like the card.
import { IconClock, IconLock } from '@tabler/icons-react';
import type { Task } from '../../shared/entities.ts';
import { useBoard } from '../app/context.tsx';
import { selectWaitingCounts } from '../store/selectors.ts';

interface CardWork {
  /** The name of the agent holding the lease (its id when the board does not know it); null: no lease. */
  holder: string | null;
  /** How many dependencies are not done; null when the task is not blocked. */
  waitingFor: number | null;
}

export function useCardWork(task: Task): CardWork {
  const holderName = useBoard((s) => (task.lease ? s.data.agents[task.lease.agent_id]?.name : undefined));
  const waiting = useBoard((s) => (task.blocked ? (selectWaitingCounts(s)[task.id] ?? 0) : null));
  return {
    holder: task.lease ? (holderName ?? task.lease.agent_id) : null,
    waitingFor: waiting,
  };
}

/** The words for a card's work state, for its accessible name and the line itself. */
const workWords = {
  holder: (name: string) => `held by ${name}`,
  // `blocked` can arrive a moment before the dependency's own update: never say "waits for 0".
  waiting: (n: number) => (n > 0 ? `waits for ${n}` : 'blocked'),
};

export function describeWork({ holder, waitingFor }: CardWork): string {
  const parts = [];
  if (holder) parts.push(workWords.holder(holder));
  if (waitingFor !== null) parts.push(workWords.waiting(waitingFor));
  return parts.join(', ');
}

export function CardWorkLine({ work }: { work: CardWork }) {
  return (
    <div className="mc-card-work">
      {work.holder !== null && (
        <span className="mc-work mc-work-lease" data-testid="card-lease">
          <IconClock size={13} stroke={2} aria-hidden />
          <span className="mc-work-text">{workWords.holder(work.holder)}</span>
        </span>
      )}
      {work.waitingFor !== null && (
        <span className="mc-work mc-work-blocked" data-testid="card-blocked">
          <IconLock size={13} stroke={2} aria-hidden />
          <span className="mc-work-text">{workWords.waiting(work.waitingFor)}</span>
        </span>
      )}
    </div>
  );
}
