// Review decisions: the operator approves a task in review (→ done) or requests changes (→ back to
// its assignee, who gets it first on the next claim), optionally with a comment.
import type { ReviewDecided } from '../../shared/entities.ts';
import { STATUS_LABELS } from '../../shared/enums.ts';
import type { Activities } from './activities.ts';
import type { Comments } from './comments.ts';
import { DomainError } from './errors.ts';
import type { Tasks } from './tasks.ts';
import type { Transactions } from './transactions.ts';

export interface ReviewInput {
  decision: 'approve' | 'request_changes';
  comment?: string | null | undefined;
}

export function createReview(tx: Transactions, tasks: Tasks, comments: Comments, activities: Activities) {
  return {
    decide(taskId: string, input: ReviewInput): ReviewDecided {
      return tx.write(() => {
        const before = tasks.get(taskId);
        if (before.status !== 'review')
          throw new DomainError(
            'not_in_review',
            `task ${taskId} is ${STATUS_LABELS[before.status]}, not in Review`,
            {
              status: before.status,
            },
          );
        const approve = input.decision === 'approve';
        // Through the task's own update: its event, its status_changed activity, its dependents.
        // Changes go back to the assignee (its next claim gets the task first); with none, to the inbox.
        const back = before.assigned_agent_id ? 'assigned' : 'inbox';
        const task = tasks.update(taskId, { status: approve ? 'done' : back });
        const at = tx.now();
        // The decision's activity goes with the task's change, before the comment it names.
        const body = input.comment?.trim() || null;
        const commentId = body ? tx.newId() : null;
        activities.append(
          taskId,
          {
            activity_type: approve ? 'completed' : 'updated',
            message: approve ? 'Approved by the operator' : 'Changes requested by the operator',
            agent_id: null,
            metadata: { review: input.decision, ...(commentId ? { comment_id: commentId } : {}) },
          },
          at,
        );
        const comment = body && commentId ? comments.append(taskId, { body }, at, commentId) : null;
        const decided: ReviewDecided = { task_id: taskId, decision: input.decision, comment, task };
        tx.emit('review_decided', decided, at);
        return decided;
      });
    },
  };
}

export type Review = ReturnType<typeof createReview>;
