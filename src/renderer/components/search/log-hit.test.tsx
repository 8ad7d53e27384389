// A log hit from the command palette opens its task's Sessions tab on that session's log, loads the
// log from before the hit's line (it may be older than the usual tail), scrolls to it and marks it,
// with Follow off.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { LogLine } from '../../../shared/logs.ts';
import type { SearchAnswer } from '../../../shared/search.ts';
import type { Backend, LogFollowHandlers } from '../../backend/backend.ts';
import { FakeBackend } from '../../fake-backend.ts';
import { renderBoard } from '../../render-board.tsx';
import { emptyBoard } from '../../store/board-data.ts';
import { aSession, aTask } from '../../test-fixtures.ts';
import { TaskModal } from '../TaskModal.tsx';
import { SearchButton } from './SearchButton.tsx';

const at = '2026-01-31T12:00:00.000Z';
const line = (seq: number): LogLine => ({ seq, stream: 'stdout', text: `line ${seq}`, at });

const hit = (seq: number): SearchAnswer['hits'][number] => ({
  kind: 'log',
  id: `s1:${seq}`,
  task_id: 't1',
  session_id: 's1',
  seq,
  title: 'Build the parser',
  snippet: `line ${seq}`,
  highlights: [[0, 4]],
  at,
});

/** A browser-like backend whose log stream the test drives, or (`desktop`) one without a stream. */
function setup(hits: SearchAnswer['hits'], desktop = false) {
  const backend = new FakeBackend();
  backend.handlers.search = () => ({ hits });
  const follows: Array<{ tail: number; after: number | undefined; handlers: LogFollowHandlers }> = [];
  if (!desktop)
    (backend as Backend).followLog = (_sessionId, tail, handlers, after) => {
      follows.push({ tail, after, handlers });
      handlers.onState?.('live');
      return () => {};
    };
  const view = renderBoard(
    <>
      <SearchButton />
      <TaskModal />
    </>,
    {
      data: {
        ...emptyBoard(),
        tasks: { t1: aTask({ id: 't1' }) },
        activities: { t1: [] },
        deliverables: { t1: [] },
        sessions: { s1: aSession({ id: 's1', task_id: 't1', agent_name: 'Builder' }) },
      },
    },
    backend,
  );
  return { ...view, follows };
}

async function openHit() {
  const user = userEvent.setup({ delay: null });
  await user.keyboard('{Control>}k{/Control}');
  await user.type(await screen.findByRole('textbox', { name: 'Search everything' }), 'line');
  await user.click(await screen.findByTestId('search-hit'));
  return screen.findByTestId('log-viewer');
}

/**
 * jsdom has no layout and does not scroll: the log's scroll box gets a 360 px viewport, a scroll
 * height from its content, and a scrollTo that moves it (with its scroll event), recorded.
 */
const logScrolls: number[] = [];
const isLog = (el: HTMLElement) => el.dataset.testid === 'log-scroll';
const scrollTops = new WeakMap<HTMLElement, number>();
const jsdom = {
  scrollTop: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop'),
  scrollHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight'),
  clientHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight'),
  offsetHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight'),
};
beforeAll(() => {
  Object.defineProperties(HTMLElement.prototype, {
    scrollTop: {
      configurable: true,
      get(this: HTMLElement) {
        return isLog(this) ? (scrollTops.get(this) ?? 0) : jsdom.scrollTop?.get?.call(this);
      },
      set(this: HTMLElement, top: number) {
        if (isLog(this)) scrollTops.set(this, top);
        else jsdom.scrollTop?.set?.call(this, top);
      },
    },
    scrollHeight: {
      configurable: true,
      get(this: HTMLElement) {
        const content = this.firstElementChild as HTMLElement | null;
        return isLog(this)
          ? Number.parseFloat(content?.style.height ?? '0')
          : jsdom.scrollHeight?.get?.call(this);
      },
    },
    clientHeight: {
      configurable: true,
      get(this: HTMLElement) {
        return isLog(this) ? 360 : jsdom.clientHeight?.get?.call(this);
      },
    },
    offsetHeight: {
      configurable: true,
      get(this: HTMLElement) {
        return isLog(this) ? 360 : jsdom.offsetHeight?.get?.call(this);
      },
    },
  });
  HTMLElement.prototype.scrollTo = function (this: HTMLElement, options?: ScrollToOptions | number) {
    if (!isLog(this) || typeof options !== 'object') return;
    const top = Math.max(0, Math.min(options.top ?? 0, this.scrollHeight - this.clientHeight));
    logScrolls.push(top);
    this.scrollTop = top;
    this.dispatchEvent(new Event('scroll'));
  } as HTMLElement['scrollTo'];
});
afterAll(() => {
  for (const name of ['scrollTop', 'scrollHeight', 'clientHeight', 'offsetHeight'] as const)
    Reflect.deleteProperty(HTMLElement.prototype, name);
  Reflect.deleteProperty(HTMLElement.prototype, 'scrollTo');
});
afterEach(() => {
  logScrolls.length = 0;
});

it('opening a log hit loads its log from before that line, scrolls to it and marks it, Follow off', async () => {
  const { follows, store } = setup([hit(1500)]);
  const viewer = await openHit();
  expect(store.getState().ui).toMatchObject({ taskTab: 'sessions', logSessionId: 's1', logSeq: 1500 });
  // Older than the last 1,000 lines maybe: the log is read from 1,000 lines before the hit.
  expect(follows).toHaveLength(1);
  expect(follows[0]?.after).toBe(500);
  const follow = within(viewer).getByRole('switch', { name: 'Follow' });
  expect(follow).not.toBeChecked();

  // 1,011 lines from 500 on: the hit's line (index 1000) is far below the first screen.
  act(() => follows[0]?.handlers.onLines(Array.from({ length: 1011 }, (_, i) => line(500 + i))));
  await waitFor(() => expect(viewer.querySelector('.log-row-target')).not.toBeNull());
  const marked = viewer.querySelectorAll('.log-row-target');
  expect(marked).toHaveLength(1);
  expect(marked[0]).toHaveAttribute('data-seq', '1500');
  // Centred: row 1000 starts at 18,000 px; half the row (9) less half the 360 px view.
  expect(logScrolls.at(-1)).toBe(18_000 + 9 - 180);
  expect(follow).not.toBeChecked();

  // New lines neither move the view to the bottom nor mark anything else.
  logScrolls.length = 0;
  act(() => follows[0]?.handlers.onLines([line(1511)]));
  await waitFor(() => expect(viewer).toHaveTextContent('1012 lines'));
  expect(logScrolls).toEqual([]);
  expect(viewer.querySelector('.log-scroll')?.scrollTop).toBe(18_000 + 9 - 180);
  expect(follow).not.toBeChecked();
});

it('a hit from a server without `seq` takes the line from its id', async () => {
  const { seq: _, ...old } = hit(7);
  const { follows } = setup([old]);
  const viewer = await openHit();
  expect(follows[0]?.after).toBe(0);
  act(() => follows[0]?.handlers.onLines(Array.from({ length: 12 }, (_, i) => line(i + 1))));
  await waitFor(() => expect(viewer.querySelector('.log-row-target')).toHaveAttribute('data-seq', '7'));
});

it('without a log stream (desktop) reads the log from 1,000 lines before the hit', async () => {
  const { backend } = setup([hit(1500)], true);
  const reads: unknown[] = [];
  backend.handlers['logs.list'] = (input) => {
    reads.push(input);
    const { after_seq = 0 } = input as { after_seq?: number };
    // A log of lines 1…1510, a page of at most 1,000 after `after_seq`.
    const count = Math.max(0, Math.min(1000, 1510 - after_seq));
    return { lines: Array.from({ length: count }, (_, i) => line(after_seq + 1 + i)), last_seq: 1510 };
  };
  const viewer = await openHit();
  await waitFor(() => expect(viewer.querySelector('.log-row-target')).toHaveAttribute('data-seq', '1500'));
  expect(reads[0]).toEqual({ id: 's1', after_seq: 500, limit: 1000 });
  expect(within(viewer).getByRole('switch', { name: 'Follow' })).not.toBeChecked();
});
