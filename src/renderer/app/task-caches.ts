// The caches of an opened task (activities, deliverables, comments): loaded when it opens, merged with
// whatever events put there meanwhile.
import type { Backend } from '../backend/backend.ts';
import { BackendError } from '../backend/backend.ts';
import { mergeRows } from '../store/board-data.ts';
import type { BoardStore } from '../store/store.ts';

export function createTaskCaches(
  backend: Backend,
  store: BoardStore,
  reportError: (title: string, error: unknown) => void,
) {
  return async function loadTaskCaches(taskId: string): Promise<void> {
    store.setState((s) => ({
      loading: { ...s.loading, [taskId]: true },
      // An empty cache entry now, so events arriving during the load are kept and merged.
      data: {
        ...s.data,
        activities: { ...s.data.activities, [taskId]: s.data.activities[taskId] ?? [] },
        deliverables: { ...s.data.deliverables, [taskId]: s.data.deliverables[taskId] ?? [] },
        comments: { ...s.data.comments, [taskId]: s.data.comments[taskId] ?? [] },
      },
    }));
    try {
      const [activities, deliverables, comments] = await Promise.all([
        backend.invoke('activities.list', { task_id: taskId }),
        backend.invoke('deliverables.list', { task_id: taskId }),
        backend.invoke('comments.list', { task_id: taskId }),
      ]);
      store.setState((s) => {
        if (!s.data.tasks[taskId]) return {};
        const { data } = s;
        return {
          data: {
            ...data,
            activities: { ...data.activities, [taskId]: mergeRows(data.activities[taskId], activities) },
            deliverables: {
              ...data.deliverables,
              [taskId]: mergeRows(data.deliverables[taskId], deliverables),
            },
            comments: { ...data.comments, [taskId]: mergeRows(data.comments[taskId], comments) },
          },
        };
      });
    } catch (error) {
      if (!(error instanceof BackendError && error.status === 404))
        reportError('Could not load the task', error);
    } finally {
      store.setState((s) => ({ loading: { ...s.loading, [taskId]: false } }));
    }
  };
}
