// Opt-in browser notifications: while the tab is hidden, each attention item with a key this page has
// not seen before shows a Web Notification; clicking it focuses the tab and opens the task. Off by
// default, remembered in localStorage. The desktop window leaves this to main's native notifications.
import type { AttentionItem } from '../../shared/entities.ts';
import type { BoardStore, WebNotifications } from '../store/store.ts';

export const NOTIFICATIONS_KEY = 'mc.webNotifications';

/** The browser parts, injectable for tests. */
export interface NotificationEnv {
  Notification: typeof Notification | undefined;
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  isHidden: () => boolean;
  focus: () => void;
}

export const browserEnv = (): NotificationEnv => ({
  Notification: typeof Notification === 'undefined' ? undefined : Notification,
  storage: safeStorage(),
  isHidden: () => document.visibilityState === 'hidden',
  focus: () => window.focus(),
});

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled for this site: the switch still works for this page
  }
}

const initialState = (env: NotificationEnv): WebNotifications => {
  if (!env.Notification) return 'unsupported';
  if (env.Notification.permission === 'denied') return 'blocked';
  const wanted = env.storage?.getItem(NOTIFICATIONS_KEY) === 'on';
  return wanted && env.Notification.permission === 'granted' ? 'on' : 'off';
};

export function createWebNotifications(
  store: BoardStore,
  openTask: (id: string) => void,
  env: NotificationEnv | null,
) {
  const seen = new Set<string>();
  let primed = false;

  const show = (item: AttentionItem) => {
    const Notify = env?.Notification;
    if (!env || Notify?.permission !== 'granted') return;
    const notification = new Notify('Mission Control needs you', { body: item.message, tag: item.key });
    notification.onclick = () => {
      env.focus();
      if (item.task_id) openTask(item.task_id);
      notification.close();
    };
  };

  const onItems = (items: readonly AttentionItem[]) => {
    const notify = primed && store.getState().webNotifications === 'on' && !!env?.isHidden();
    for (const item of items) {
      if (seen.has(item.key)) continue;
      seen.add(item.key);
      if (notify) show(item);
    }
    primed = true; // what was there when the page opened is not news
  };

  return {
    start(): () => void {
      store.setState({ webNotifications: env ? initialState(env) : 'unsupported' });
      return store.subscribe((state, previous) => {
        if (state.attention.loaded && state.attention.items !== previous.attention.items)
          onItems(state.attention.items);
      });
    },

    /** Turning on asks the browser for permission first; a refusal leaves it off (or blocked). */
    async set(on: boolean): Promise<void> {
      const Notify = env?.Notification;
      if (!env || !Notify) return;
      if (!on) {
        env.storage?.setItem(NOTIFICATIONS_KEY, 'off');
        store.setState({ webNotifications: 'off' });
        return;
      }
      const permission =
        Notify.permission === 'granted' ? 'granted' : await Notify.requestPermission().catch(() => 'default');
      if (permission === 'granted') env.storage?.setItem(NOTIFICATIONS_KEY, 'on');
      store.setState({
        webNotifications: permission === 'granted' ? 'on' : permission === 'denied' ? 'blocked' : 'off',
      });
    },
  };
}
