// Native notifications: each new attention item (a task waiting for review, a sub-agent that went
// silent or failed, an expired lease, a stuck task), one switch per kind, and a task reaching done.
// Clicking one shows the window and asks the board to open that task. A setting turns them all off.
import { Notification } from 'electron';
import type { Core } from '../core/core.ts';
import type { AttentionKind } from '../shared/enums.ts';
import type { DomainEvent } from '../shared/events.ts';
import { exhaustive } from '../shared/exhaustive.ts';
import { attentionNews, attentionNotices, type Notice } from './attention-news.ts';
import type { AttentionWatch } from './attention-watch.ts';

export type { Notice };

export interface NotificationOptions {
  /** The master switch. */
  enabled: () => boolean;
  /** The switch for one kind of attention item. */
  kindEnabled: (kind: AttentionKind) => boolean;
  /** Shows the window and opens the task's modal. */
  openTask: (taskId: string) => void;
  /** Shows the window (a notice about no single task). */
  showWindow: () => void;
}

/**
 * The notices an event deserves by itself: a task *reaching* done (its event says the status
 * before). Reaching review and a failed sub-agent are attention items and announced as such, so
 * they are not here: one thing, one notification.
 */
export function noticeFor(event: DomainEvent): Notice | null {
  switch (event.type) {
    case 'task_created':
    case 'task_updated': {
      const task = event.payload;
      const previous = event.type === 'task_updated' ? event.payload.previous_status : null;
      if (task.status !== 'done' || previous === 'done') return null;
      return { title: `Done: ${task.title}`, body: 'Click to open the task.', taskId: task.id };
    }
    case 'task_deleted':
    case 'activity_logged':
    case 'deliverable_added':
    case 'agent_spawned':
    case 'agent_completed':
    case 'agent_created':
    case 'agent_updated':
    case 'agent_deleted':
    case 'device_revoked':
    case 'session_updated':
    case 'comment_added':
    case 'review_decided':
    case 'attention_dismissed':
    case 'usage_recorded':
    case 'budget_exceeded': // announced as its attention item (over_budget), one thing one notification
    case 'webhook_health_changed': // likewise (webhook_failing)
      return null;
    default:
      exhaustive(event);
      return null;
  }
}

export function startNotifications(
  core: Core,
  attention: AttentionWatch,
  options: NotificationOptions,
): () => void {
  // Held until dismissed: a collected Notification loses its click handler on some platforms.
  const shown = new Set<Notification>();
  const show = ({ title, body, taskId }: Notice) => {
    if (!options.enabled() || !Notification.isSupported()) return;
    const notification = new Notification({ title, body });
    notification.on('click', () => {
      shown.delete(notification);
      if (taskId) options.openTask(taskId);
      else options.showWindow();
    });
    notification.on('close', () => shown.delete(notification));
    shown.add(notification);
    notification.show();
  };

  const unsubscribeBus = core.bus.subscribe((event) => {
    const notice = noticeFor(event);
    if (notice) show(notice);
  });
  // Items already there at start are known: only what appears from now on is news. Items of a
  // switched-off kind are seen all the same, so switching it on later does not replay them.
  const news = attentionNews(attention.items());
  const unsubscribeAttention = attention.subscribe((items) => {
    const fresh = news.next(items).filter((item) => options.kindEnabled(item.kind));
    for (const notice of attentionNotices(fresh)) show(notice);
  });
  return () => {
    unsubscribeBus();
    unsubscribeAttention();
    shown.clear();
  };
}
