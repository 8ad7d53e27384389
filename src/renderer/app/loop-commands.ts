// The operator's side of the loop: review decisions, comments, reassigning, dismissing attention items.
import type { Comment, Task } from '../../shared/entities.ts';
import type { REVIEW_DECISIONS } from '../../shared/enums.ts';
import { type Backend, BackendError } from '../backend/backend.ts';
import { mergeRows } from '../store/board-data.ts';
import { type BoardStore, notify } from '../store/store.ts';
import type { AttentionFeed } from './attention-feed.ts';

export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export interface LoopCommands {
  /**
   * Approve (→ done) or request changes (→ back to its assignee, the comment on the task). Shown at once
   * (the card moves); on a refusal the card goes back and a notice says why. Resolves true when done.
   */
  reviewTask(id: string, decision: ReviewDecision, comment?: string): Promise<boolean>;
  /** The operator's comment; rejects with the server's reason (the composer shows it and keeps the text). */
  addComment(taskId: string, body: string): Promise<Comment>;
  /** Gives a task that lost its lease to an agent: assigned to it, status `assigned`. */
  reassignTask(id: string, agentId: string): Promise<boolean>;
  dismissAttention(key: string): Promise<void>;
}

const reasonOf = (error: unknown) =>
  error instanceof BackendError && error.code === 'not_in_review'
    ? 'it is no longer in review; the board shows where it is now.'
    : error instanceof BackendError && error.status === 409
      ? 'someone changed it meanwhile; the board shows the latest version.'
      : error instanceof Error
        ? error.message
        : String(error);

export function createLoopCommands(
  backend: Backend,
  store: BoardStore,
  attention: AttentionFeed,
  answered: (task: Task) => void,
): LoopCommands {
  const refused = (title: string, error: unknown) =>
    notify(store, { kind: 'error', title, message: reasonOf(error) });

  return {
    async reviewTask(id, decision, comment) {
      const task = store.getState().data.tasks[id];
      if (!task) return false;
      const status = decision === 'approve' ? 'done' : 'assigned';
      store.setState((s) => ({ optimistic: { ...s.optimistic, [id]: { status } } }));
      try {
        answered(await backend.invoke('tasks.review', { id, decision, comment: comment || null }));
        attention.drop(`review:${id}`);
        return true;
      } catch (error) {
        const what = decision === 'approve' ? 'Approval' : 'Request for changes';
        refused(`${what} of “${task.title}” was refused`, error);
        return false;
      } finally {
        store.setState((s) => {
          const { [id]: _, ...rest } = s.optimistic;
          return { optimistic: rest };
        });
      }
    },

    async addComment(taskId, body) {
      const comment = await backend.invoke('comments.create', { task_id: taskId, body });
      store.setState((s) => {
        const list = s.data.comments[taskId];
        if (!list) return {}; // not open: nothing cached to add it to
        return {
          data: { ...s.data, comments: { ...s.data.comments, [taskId]: mergeRows(list, [comment]) } },
        };
      });
      return comment;
    },

    async reassignTask(id, agentId) {
      const task = store.getState().data.tasks[id];
      if (!task) return false;
      try {
        const changes = { assigned_agent_id: agentId, status: 'assigned' as const };
        answered(await backend.invoke('tasks.update', { id, changes, expected_version: task.version }));
        return true;
      } catch (error) {
        refused(`Reassigning “${task.title}” was refused`, error);
        return false;
      }
    },

    async dismissAttention(key) {
      attention.drop(key);
      try {
        await backend.invoke('attention.dismiss', { key });
      } catch (error) {
        void attention.refresh(); // put it back as the server has it
        if (!(error instanceof BackendError && error.status === 404))
          refused('Could not dismiss the item', error);
      }
    },
  };
}
