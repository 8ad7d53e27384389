// The one module that wires a Backend to the store: snapshot, then events in id order; refetch on a gap
// or reset; the attention list kept current; plus the commands the components may send (optimistic
// move, create, edit, delete, review, comment, and on the desktop, open a deliverable).

import type { Task } from '../../shared/entities.ts';
import type { TaskStatus } from '../../shared/enums.ts';
import type { StreamEvent } from '../../shared/events.ts';
import type { TaskCreate, TaskPatch } from '../../shared/inputs.ts';
import { type Backend, BackendError, type LogFollowHandlers } from '../backend/backend.ts';
import { followAccess } from '../components/remote/access.ts';
import { createRemoteController, type RemoteController } from '../components/remote/remote-controller.ts';
import { createSearchController, type SearchController } from '../components/search/search-controller.ts';
import { createUsageController, type UsageController } from '../components/usage/usage-controller.ts';
import {
  createWebhooksController,
  type WebhooksController,
} from '../components/webhooks/webhooks-controller.ts';
import { applyEvents } from '../store/apply-event.ts';
import { fromSnapshot, mergeTask } from '../store/board-data.ts';
import { type BoardStore, notify, setUi } from '../store/store.ts';
import { createAttentionFeed } from './attention-feed.ts';
import { createDonePaging } from './done-pages.ts';
import { createLoopCommands, type LoopCommands } from './loop-commands.ts';
import { markOnce } from './perf-marks.ts';
import { followSessionLog } from './session-log.ts';
import { createTaskCaches } from './task-caches.ts';
import { browserEnv, createWebNotifications } from './web-notifications.ts';

export interface Controller extends LoopCommands {
  start(): () => void;
  createTask(input: TaskCreate): Promise<Task>;
  moveTask(id: string, status: TaskStatus): Promise<void>;
  updateTask(id: string, changes: TaskPatch, expectedVersion: number): Promise<Task>;
  deleteTask(id: string): Promise<void>;
  openTask(id: string): void;
  closeTask(): void;
  /**
   * The Done column's next older page (the snapshot carries only the newest done tasks); `auto` when
   * scrolling asked, which does not retry a page that just failed.
   */
  loadOlderDone(auto?: boolean): Promise<void>;
  /** Desktop only (see `host.canOpenDeliverables`): main reveals the file or opens the URL; a refusal is a notice. */
  openDeliverable(taskId: string, deliverableId: string): Promise<void>;
  /** Browsers: turning on asks for permission; remembered in localStorage. */
  setWebNotifications(on: boolean): Promise<void>;
  /** The "Other devices" panel (owner only): LAN switch and device tokens. */
  remote: RemoteController;
  /** The Webhooks screen (owner only). */
  webhooks: WebhooksController;
  /** The Usage view, the prices, a task's Usage tab. */
  usage: UsageController;
  /** The command palette's search and the deliverable previews. */
  search: SearchController;
  /**
   * A session's log, live: its last `tail` lines (or every line after seq `after`), then each new
   * one; returns the unsubscribe.
   */
  followLog(sessionId: string, tail: number, handlers: LogFollowHandlers, after?: number): () => void;
}

export function createController(backend: Backend, store: BoardStore): Controller {
  let unsubscribe: (() => void) | undefined;
  let queue: StreamEvent[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let resyncing: Promise<void> | undefined;
  let stopped = false;
  store.setState((s) => ({ host: { ...s.host, canOpenDeliverables: !!backend.openDeliverable } }));

  const follow = (fromId: number) => {
    unsubscribe?.();
    unsubscribe = backend.subscribe(
      fromId,
      (event) => {
        queue.push(event);
        // Events of one network chunk arrive in one task: fold them in one store update.
        flushTimer ??= setTimeout(flush, 0);
      },
      (connection) => store.setState({ connection }),
    );
  };

  const flush = () => {
    flushTimer = undefined;
    const events = queue;
    queue = [];
    if (resyncing || !events.length) return;
    const result = applyEvents(store.getState().data, events);
    if (result.applied) store.setState({ data: result.data });
    if (result.status !== 'ok') void resync();
    else attention.onEvents(events);
  };

  const reportError = (title: string, error: unknown) =>
    notify(store, { kind: 'error', title, message: error instanceof Error ? error.message : String(error) });
  const loadTaskCaches = createTaskCaches(backend, store, reportError);
  const attention = createAttentionFeed(backend, store);
  const answered = (task: Task) => store.setState((s) => ({ data: mergeTask(s.data, task) }));
  const loadOlderDone = createDonePaging(backend, store, reportError);
  const openTask = (id: string) => {
    setUi(store, { openTaskId: id });
    if (store.getState().data.tasks[id]) {
      if (!store.getState().data.activities[id]) void loadTaskCaches(id);
      return;
    }
    // An old done task the board has not paged in yet (a search hit, a link): fetch it first.
    void backend
      .invoke('tasks.get', { id })
      .then((task) => {
        answered(task);
        return loadTaskCaches(id);
      })
      .catch((error) => {
        if (!(error instanceof BackendError && error.status === 404))
          reportError('Could not load the task', error);
      });
  };
  const notifications = createWebNotifications(store, openTask, backend.info ? null : browserEnv());

  /** The desktop's real API URL, in the store before the board (and its empty state) first shows. */
  const loadHostInfo = async () => {
    if (!backend.info || store.getState().host.apiUrl !== null) return;
    try {
      const { apiUrl } = await backend.info();
      store.setState((s) => ({ host: { ...s.host, apiUrl } }));
    } catch {
      // Only the empty state and the header chip need it; the board works without.
    }
  };

  /** Snapshot (with its event id) → store → follow the stream from that id. */
  const loadSnapshot = async () => {
    markOnce('mc:snapshot-start');
    const [snapshot] = await Promise.all([backend.invoke('snapshot', {}), loadHostInfo()]);
    markOnce('mc:snapshot-received'); // fetch + body + JSON.parse
    if (stopped) return;
    queue = [];
    store.setState((s) => ({ data: fromSnapshot(snapshot, s.data), loaded: true }));
    markOnce('mc:store-built'); // React renders after this, in a microtask
    follow(snapshot.last_event_id);
    void attention.refresh();
    const open = store.getState().ui.openTaskId;
    if (open) void loadTaskCaches(open);
  };

  const resync = () => {
    resyncing ??= retry(loadSnapshot).finally(() => {
      resyncing = undefined;
    });
    return resyncing;
  };

  /** Keeps trying while the server is away; gives up only on a refused token. */
  const retry = async (load: () => Promise<void>) => {
    for (let attempt = 1; !stopped; attempt += 1) {
      try {
        return await load();
      } catch (error) {
        if (error instanceof BackendError && error.status === 401) {
          store.setState({ auth: 'needed' });
          return;
        }
        store.setState({ connection: attempt > 3 ? 'offline' : 'reconnecting' });
        await new Promise((r) => setTimeout(r, Math.min(8_000, 500 * 2 ** attempt)));
      }
    }
  };

  return {
    start() {
      stopped = false;
      const offNotifications = notifications.start();
      void resync();
      const stop = () => {
        stopped = true;
        unsubscribe?.();
        attention.stop();
        offNotifications();
        offAccess();
        if (flushTimer) clearTimeout(flushTimer);
      };
      const offAccess = followAccess(backend, store, stop);
      return stop;
    },

    async createTask(input) {
      const task = await backend.invoke('tasks.create', input);
      answered(task); // keyed by id: the task_created event that follows replaces it, never duplicates it
      return task;
    },

    async moveTask(id, status) {
      const task = store.getState().data.tasks[id];
      if (!task || task.status === status) return;
      store.setState((s) => ({ optimistic: { ...s.optimistic, [id]: { status } } }));
      try {
        answered(
          await backend.invoke('tasks.update', { id, changes: { status }, expected_version: task.version }),
        );
      } catch (error) {
        const why =
          error instanceof BackendError && error.status === 409
            ? 'someone changed it meanwhile; the board shows the latest version.'
            : error instanceof Error
              ? error.message
              : String(error);
        notify(store, { kind: 'error', title: `Move of “${task.title}” was refused`, message: why });
      } finally {
        store.setState((s) => {
          const { [id]: _, ...rest } = s.optimistic;
          return { optimistic: rest };
        });
      }
    },

    async updateTask(id, changes, expectedVersion) {
      const task = await backend.invoke('tasks.update', { id, changes, expected_version: expectedVersion });
      answered(task);
      return task;
    },

    async deleteTask(id) {
      await backend.invoke('tasks.delete', { id });
      store.setState((s) => {
        const { [id]: _, ...tasks } = s.data.tasks;
        return { data: { ...s.data, tasks } };
      });
    },

    openTask,

    loadOlderDone,

    closeTask() {
      setUi(store, { openTaskId: null, taskTab: 'overview', logSessionId: null, logSeq: null });
    },

    async openDeliverable(taskId, deliverableId) {
      if (!backend.openDeliverable) return;
      try {
        await backend.openDeliverable(taskId, deliverableId);
      } catch (error) {
        const title = store.getState().data.deliverables[taskId]?.find((d) => d.id === deliverableId)?.title;
        reportError(title ? `Could not open “${title}”` : 'Could not open the deliverable', error);
      }
    },

    ...createLoopCommands(backend, store, attention, answered),

    setWebNotifications: (on) => notifications.set(on),

    remote: createRemoteController(backend),
    webhooks: createWebhooksController(backend),
    usage: createUsageController(backend),
    search: createSearchController(backend),

    followLog: (sessionId, tail, handlers, after) =>
      followSessionLog(backend, sessionId, tail, handlers, { after }),
  };
}
