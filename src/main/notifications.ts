// Native notifications: a task reaching review or done, a sub-agent session failing. Clicking one
// shows the window and asks the board to open that task. A setting turns them all off.
import { Notification } from 'electron';
import type { Core } from '../core/core.ts';
import type { TaskStatus } from '../shared/enums.ts';
import type { DomainEvent } from '../shared/events.ts';

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
 * Decides what (if anything) an event deserves. `previous` is the task's status before the event:
 * a task is only announced when it *reaches* review or done, not on every edit while there.
 */
export function noticeFor(event: DomainEvent, previous: TaskStatus | undefined): Notice | null {
  if (event.type === 'task_updated' || event.type === 'task_created') {
    const task = event.payload;
    if (!NOTIFY_STATUSES.has(task.status) || previous === task.status) return null;
    const what = task.status === 'review' ? 'Ready for review' : 'Done';
    return { title: `${what}: ${task.title}`, body: 'Click to open the task.', taskId: task.id };
  }
  if (event.type === 'agent_completed' && event.payload.status === 'failed') {
    const session = event.payload;
    const who = session.agent_name ?? session.openclaw_session_id;
    return { title: 'Sub-agent failed', body: `${who} ended with a failure.`, taskId: session.task_id };
  }
  return null;
}

export function startNotifications(core: Core, options: NotificationOptions): () => void {
  // Last known status per task, so "reaches review" can be told from "edited while in review".
  const statuses = new Map<string, TaskStatus>(core.tasks.list().map((t) => [t.id, t.status]));
  // Held until dismissed: a collected Notification loses its click handler on some platforms.
  const shown = new Set<Notification>();
  const unsubscribe = core.bus.subscribe((event) => {
    let previous: TaskStatus | undefined;
    if (event.type === 'task_created' || event.type === 'task_updated') {
      previous = statuses.get(event.payload.id);
      statuses.set(event.payload.id, event.payload.status);
    } else if (event.type === 'task_deleted') {
      statuses.delete(event.payload.id);
      return;
    }
    const notice = noticeFor(event, previous);
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
