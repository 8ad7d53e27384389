// Native notifications: a task reaching review or done, a sub-agent session failing. Clicking one
// shows the window and asks the board to open that task. A setting turns them all off.
import { Notification } from 'electron';
import type { Core } from '../core/core.ts';
import type { Task } from '../shared/entities.ts';
import type { TaskStatus } from '../shared/enums.ts';
import type { DomainEvent } from '../shared/events.ts';
import { exhaustive } from '../shared/exhaustive.ts';

export interface NotificationOptions {
  enabled: () => boolean;
  /** Shows the window and opens the task's modal. */
  openTask: (taskId: string) => void;
}

export interface Notice {
  title: string;
  body: string;
  taskId: string | null;
}

const NOTIFY_STATUSES: ReadonlySet<TaskStatus> = new Set(['review', 'done']);

/**
 * A task is announced when it *reaches* review or done, not on every edit while there: its event
 * says the status before, so nothing here keeps a copy of the tasks.
 */
function taskNotice(task: Task, previous: TaskStatus | null): Notice | null {
  if (!NOTIFY_STATUSES.has(task.status) || previous === task.status) return null;
  const what = task.status === 'review' ? 'Ready for review' : 'Done';
  return { title: `${what}: ${task.title}`, body: 'Click to open the task.', taskId: task.id };
}

/** Decides what (if anything) an event deserves, from the event alone. */
export function noticeFor(event: DomainEvent): Notice | null {
  switch (event.type) {
    case 'task_created':
      return taskNotice(event.payload, null);
    case 'task_updated':
      return taskNotice(event.payload, event.payload.previous_status);
    case 'agent_completed': {
      const session = event.payload;
      if (session.status !== 'failed') return null;
      const who = session.agent_name ?? session.openclaw_session_id;
      return { title: 'Sub-agent failed', body: `${who} ended with a failure.`, taskId: session.task_id };
    }
    case 'task_deleted':
    case 'activity_logged':
    case 'deliverable_added':
    case 'agent_spawned':
    case 'agent_created':
    case 'agent_updated':
    case 'agent_deleted':
    case 'device_revoked':
    case 'session_updated':
    case 'comment_added':
    case 'review_decided':
    case 'attention_dismissed':
      return null;
    default:
      exhaustive(event);
      return null;
  }
}

export function startNotifications(core: Core, options: NotificationOptions): () => void {
  // Held until dismissed: a collected Notification loses its click handler on some platforms.
  const shown = new Set<Notification>();
  const unsubscribe = core.bus.subscribe((event) => {
    const notice = noticeFor(event);
    if (!notice || !options.enabled() || !Notification.isSupported()) return;
    const notification = new Notification({ title: notice.title, body: notice.body });
    const { taskId } = notice;
    notification.on('click', () => {
      shown.delete(notification);
      if (taskId) options.openTask(taskId);
    });
    notification.on('close', () => shown.delete(notification));
    shown.add(notification);
    notification.show();
  });
  return () => {
    unsubscribe();
    shown.clear();
  };
}
