import { describe, expect, it, vi } from 'vitest';
import type { AttentionItem } from '../../shared/entities.ts';
import { type BoardStore, createBoardStore } from '../store/store.ts';
import { anAttentionItem } from '../test-fixtures.ts';
import { createWebNotifications, NOTIFICATIONS_KEY, type NotificationEnv } from './web-notifications.ts';

class FakeNotification {
  static permission: NotificationPermission = 'default';
  static answer: NotificationPermission = 'granted';
  static shown: FakeNotification[] = [];
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = FakeNotification.answer;
    return FakeNotification.answer;
  });
  onclick: (() => void) | null = null;
  closed = false;
  readonly title: string;
  readonly options: NotificationOptions;
  constructor(title: string, options: NotificationOptions) {
    this.title = title;
    this.options = options;
    FakeNotification.shown.push(this);
  }
  close() {
    this.closed = true;
  }
}

const setup = ({ permission = 'default' as NotificationPermission, stored = null as string | null } = {}) => {
  FakeNotification.permission = permission;
  FakeNotification.answer = 'granted';
  FakeNotification.shown = [];
  const storage = new Map<string, string>(stored ? [[NOTIFICATIONS_KEY, stored]] : []);
  const env: NotificationEnv & { hidden: boolean; focused: number } = {
    Notification: FakeNotification as unknown as typeof Notification,
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    hidden: true,
    focused: 0,
    isHidden: () => env.hidden,
    focus: () => {
      env.focused += 1;
    },
  };
  const store = createBoardStore();
  const opened: string[] = [];
  const notifications = createWebNotifications(store, (id) => opened.push(id), env);
  const stop = notifications.start();
  return { store, env, storage, opened, notifications, stop };
};

const show = (store: BoardStore, items: AttentionItem[]) =>
  store.setState({ attention: { items, loaded: true } });
const first = anAttentionItem();
const second = anAttentionItem({ key: 'stuck:t2', kind: 'stuck', task_id: 't2', message: 'stuck' });

describe('browser notifications', () => {
  it('are off by default and say nothing', () => {
    const { store } = setup({ permission: 'granted' });
    expect(store.getState().webNotifications).toBe('off');
    show(store, [first]);
    show(store, [first, second]);
    expect(FakeNotification.shown).toHaveLength(0);
  });

  it('ask for permission when turned on, and remember it', async () => {
    const { store, notifications, storage } = setup();
    await notifications.set(true);
    expect(FakeNotification.requestPermission).toHaveBeenCalled();
    expect(store.getState().webNotifications).toBe('on');
    expect(storage.get(NOTIFICATIONS_KEY)).toBe('on');
    expect(setup({ permission: 'granted', stored: 'on' }).store.getState().webNotifications).toBe('on');
  });

  it('stay off when the browser refuses, and say it is blocked', async () => {
    const { store, notifications, storage } = setup();
    FakeNotification.answer = 'denied';
    await notifications.set(true);
    expect(store.getState().webNotifications).toBe('blocked');
    expect(storage.get(NOTIFICATIONS_KEY)).toBeUndefined();
  });

  it('announce a new item while the tab is hidden; a click focuses the tab and opens the task', () => {
    const { store, env, opened } = setup({ permission: 'granted', stored: 'on' });
    show(store, [first]); // there when the page opened: not news
    expect(FakeNotification.shown).toHaveLength(0);
    show(store, [first, second]);
    expect(FakeNotification.shown).toHaveLength(1);
    const [notification] = FakeNotification.shown;
    expect(notification?.options).toMatchObject({ body: 'stuck', tag: 'stuck:t2' });
    notification?.onclick?.();
    expect(env.focused).toBe(1);
    expect(opened).toEqual(['t2']);
    expect(notification?.closed).toBe(true);
  });

  it('do not announce while the tab is visible, nor a key seen before', () => {
    const { store, env } = setup({ permission: 'granted', stored: 'on' });
    show(store, []);
    env.hidden = false;
    show(store, [first]);
    env.hidden = true;
    show(store, []);
    show(store, [first]);
    expect(FakeNotification.shown).toHaveLength(0);
  });
});
