// Approve / Request changes on a card in the Review column. Plain buttons like the card itself, drawn over
// its bottom row as the card's sibling (not inside the draggable, so a click neither drags nor opens it).
// "Request changes" has no icon here: both labels must fit a 248 px column in wide fallback fonts too.
import { IconCheck } from '@tabler/icons-react';
import { memo } from 'react';
import type { Task } from '../../shared/entities.ts';
import { useBoardStore, useController } from '../app/context.tsx';
import { setUi } from '../store/store.ts';

export const ReviewActions = memo(function ReviewActions({ task }: { task: Task }) {
  const controller = useController();
  const store = useBoardStore();
  return (
    <div className="mc-review-actions" data-testid="card-review-actions" data-review-for={task.id}>
      <button
        type="button"
        className="mc-review-btn mc-review-approve"
        aria-label={`Approve “${task.title}”`}
        onClick={() => void controller.reviewTask(task.id, 'approve')}
      >
        <IconCheck size={14} stroke={2.25} aria-hidden />
        <span className="mc-review-label">Approve</span>
      </button>
      <button
        type="button"
        className="mc-review-btn"
        aria-label={`Request changes to “${task.title}”`}
        onClick={() => setUi(store, { changesFor: task.id })}
      >
        <span className="mc-review-label">Request changes</span>
      </button>
    </div>
  );
});
