// Which attention items are news (worth a notification) and what the notification says.
import type { AttentionItem } from '../shared/entities.ts';
import type { AttentionKind } from '../shared/enums.ts';

/** Notification titles, one per kind: a new kind does not compile until it has one. */
export const ATTENTION_TITLES: Record<AttentionKind, string> = {
  review: 'Ready for review',
  stale_session: 'Sub-agent went silent',
  failed_session: 'Sub-agent failed',
  lease_expired: 'Lease expired',
  stuck: 'Task stuck',
  over_budget: 'Over budget',
  webhook_failing: 'Webhook failing',
};

/**
 * Tells new items from known ones. An item is news when its key was not on the previous list and
 * it is not the very item (same key, same `since`) already seen. So: items present at start are
 * never news; an item that stays on the list while its subject is edited (a task in review gets a
 * new `since` on each edit) is not news again; one that leaves and comes back because its subject
 * changed (sent back, then in review again) is; one dismissed is gone and never announced again.
 */
export function attentionNews(initial: readonly AttentionItem[]) {
  // Every key ever seen with its latest `since`: a few dozen bytes per task or session that once
  // needed attention, for the life of the app.
  const seen = new Map<string, string>();
  let previous = new Set<string>();
  const take = (items: readonly AttentionItem[]) => {
    for (const item of items) seen.set(item.key, item.since);
    previous = new Set(items.map((i) => i.key));
  };
  take(initial);
  return {
    /** The items of `items` that are news, in list order; remembers all of them as seen. */
    next(items: readonly AttentionItem[]): AttentionItem[] {
      const news = items.filter((i) => !previous.has(i.key) && seen.get(i.key) !== i.since);
      take(items);
      return news;
    },
  };
}

export interface Notice {
  title: string;
  body: string;
  /** The task a click opens; null opens the board. */
  taskId: string | null;
}

export function attentionNotice(item: AttentionItem): Notice {
  return { title: ATTENTION_TITLES[item.kind], body: item.message, taskId: item.task_id ?? null };
}

/** More new items than this in one read make one summary notification instead of a stack of them. */
export const MAX_SEPARATE_NOTICES = 3;

/** The notifications for a batch of new items: one each, or one summary when there are many. */
export function attentionNotices(news: readonly AttentionItem[]): Notice[] {
  if (news.length <= MAX_SEPARATE_NOTICES) return news.map(attentionNotice);
  const lines = news.slice(0, MAX_SEPARATE_NOTICES).map((i) => i.message);
  lines.push(`and ${news.length - MAX_SEPARATE_NOTICES} more`);
  return [{ title: `${news.length} items need you`, body: lines.join('\n'), taskId: null }];
}
