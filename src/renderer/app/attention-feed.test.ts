import { describe, expect, it } from 'vitest';
import type { AttentionItem } from '../../shared/entities.ts';
import { FakeBackend } from '../fake-backend.ts';
import { createBoardStore } from '../store/store.ts';
import { anAttentionItem, aSession, aTask, ev } from '../test-fixtures.ts';
import { createAttentionFeed } from './attention-feed.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const WINDOW = 20;

const setup = () => {
  const backend = new FakeBackend();
  const store = createBoardStore();
  let items: AttentionItem[] = [];
  let release: (() => void) | null = null;
  const requests: number[] = [];
  let gate: Promise<void> | null = null;
  backend.handlers['attention.list'] = async () => {
    requests.push(Date.now());
    if (gate) await gate;
    return { items };
  };
  const feed = createAttentionFeed(backend, store, WINDOW);
  return {
    store,
    feed,
    requests,
    setItems: (next: AttentionItem[]) => {
      items = next;
    },
    /** Holds the next answers until released. */
    hold: () => {
      gate = new Promise<void>((r) => {
        release = () => {
          gate = null;
          r();
        };
      });
    },
    release: () => release?.(),
  };
};

const created = (id: number) => ev(id, 'task_created', aTask({ id: `t${id}` }));

describe('attention feed', () => {
  it('loads the list into the store', async () => {
    const { store, feed, setItems } = setup();
    setItems([anAttentionItem()]);
    await feed.refresh();
    expect(store.getState().attention).toEqual({ items: [anAttentionItem()], loaded: true });
  });

  it('refetches once for a burst of events that can change it, and not for others', async () => {
    const { feed, requests } = setup();
    feed.onEvents([ev(1, 'agent_spawned', aSession())]);
    await wait(WINDOW * 2);
    expect(requests).toHaveLength(0);
    for (let id = 1; id <= 20; id += 1) feed.onEvents([created(id)]);
    feed.onEvents([ev(21, 'session_updated', aSession({ status: 'stale' }))]);
    await wait(WINDOW * 3);
    expect(requests).toHaveLength(1);
  });

  it('asks again after a request that was in flight when an event arrived, never twice at once', async () => {
    const { store, feed, requests, setItems, hold, release } = setup();
    hold();
    feed.onEvents([created(1)]);
    await wait(WINDOW * 2);
    expect(requests).toHaveLength(1);
    setItems([anAttentionItem()]);
    feed.onEvents([created(2)]); // the answer on its way may predate this event
    await wait(WINDOW * 2);
    expect(requests).toHaveLength(1);
    release();
    await wait(WINDOW * 3);
    expect(requests).toHaveLength(2);
    expect(store.getState().attention.items).toEqual([anAttentionItem()]);
  });

  it('drops an item at once and stops asking once stopped', async () => {
    const { store, feed, requests, setItems } = setup();
    setItems([anAttentionItem(), anAttentionItem({ key: 'stuck:t2', kind: 'stuck', task_id: 't2' })]);
    await feed.refresh();
    feed.drop('review:t1');
    expect(store.getState().attention.items.map((i) => i.key)).toEqual(['stuck:t2']);
    feed.stop();
    feed.onEvents([created(1)]);
    await wait(WINDOW * 2);
    expect(requests).toHaveLength(1);
  });
});
