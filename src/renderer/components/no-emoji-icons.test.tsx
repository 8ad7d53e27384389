// Icons are Tabler's, never emoji: a machine without an emoji font draws those as empty boxes. Renders the
// whole page in every state that shows an icon and fails on any emoji or pictograph in a text node, except
// inside an element marked `data-avatar` (an agent's own emoji, which falls back to its initial).
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES, ATTENTION_KINDS, DELIVERABLE_TYPES, TASK_STATUSES } from '../../shared/enums.ts';
import { renderBoard } from '../render-board.tsx';
import { type BoardData, emptyBoard } from '../store/board-data.ts';
import { aComment, aDeliverable, anAgent, anAttentionItem, aSession, aTask } from '../test-fixtures.ts';
import { App } from './App.tsx';

/** Emoji and the symbol blocks people use as icons (★ ⚙ ✓ ● ⌘ …); not punctuation such as · — … × →. */
const ICON_LIKE =
  /[\u{1F000}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}\u{25A0}-\u{25FF}\u{2300}-\u{23FF}]|\u{FE0F}/u;

/** Text nodes of the whole document (dialogs and popovers live in portals) with an icon-like character. */
function emojiOutsideAvatars(): string[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (ICON_LIKE.test(text) && !node.parentElement?.closest('[data-avatar]')) found.push(text);
  }
  return found;
}

const T0 = '2026-01-31T12:00:00.000Z';
const lease = { agent_id: 'a1', expires_at: '2026-01-31T12:05:00.000Z', lease_s: 300 };

/** A task in every column and every state a card can show, agents with emoji avatars, and the caches of t1. */
function busyBoard(): BoardData {
  const tasks = Object.fromEntries(
    TASK_STATUSES.map((status, i) => [
      `s${i}`,
      aTask({ id: `s${i}`, title: `A task in ${status}`, status, assigned_agent_id: 'a2' }),
    ]),
  );
  return {
    ...emptyBoard(),
    lastEventId: 9,
    agents: {
      a1: anAgent({ presence: 'online', last_seen_at: T0 }),
      a2: anAgent({ id: 'a2', name: 'Orion', avatar_emoji: '🦉', is_master: true, presence: 'away' }),
      a3: anAgent({ id: 'a3', name: 'Grace', avatar_emoji: '🐝', presence: 'offline' }),
    },
    tasks: {
      ...tasks,
      t1: aTask({
        status: 'in_progress',
        assigned_agent_id: 'a1',
        lease,
        claim_count: 1,
        priority: 'urgent',
      }),
      t2: aTask({
        id: 't2',
        title: 'Waits for the parser',
        status: 'assigned',
        depends_on: ['t1'],
        blocked: true,
      }),
      t3: aTask({
        id: 't3',
        title: 'Review me',
        status: 'review',
        assigned_agent_id: 'a1',
        priority: 'high',
      }),
    },
    sessions: {
      x1: aSession({ id: 'x1', status: 'active' }),
      x2: aSession({ id: 'x2', openclaw_session_id: 'oc-2', status: 'stale', heartbeat_ttl_s: 60 }),
      x3: aSession({
        id: 'x3',
        openclaw_session_id: 'oc-3',
        status: 'completed',
        ended_at: T0,
        channel: 'cli',
      }),
      x4: aSession({ id: 'x4', openclaw_session_id: 'oc-4', status: 'failed', ended_at: T0 }),
    },
    activities: {
      t1: ACTIVITY_TYPES.map((activity_type, i) => ({
        id: `ac${i}`,
        task_id: 't1',
        agent_id: i % 2 ? 'a1' : null,
        activity_type,
        message: `Something ${activity_type}`,
        metadata: i === 0 ? { lines: 3 } : null,
        created_at: T0,
      })),
    },
    deliverables: {
      t1: DELIVERABLE_TYPES.map((deliverable_type, i) =>
        aDeliverable({
          id: `d${i}`,
          deliverable_type,
          title: `A ${deliverable_type}`,
          path: deliverable_type === 'url' ? 'https://example.com/pr/1' : '/tmp/out.md',
        }),
      ),
    },
    comments: {
      t1: [aComment(), aComment({ id: 'c2', agent_id: null, author: 'operator', body: 'Thanks!' })],
    },
    feed: [{ id: 9, type: 'task_updated', summary: 'Ada moved "Write the parser"', created_at: T0 }],
  };
}

const attention = ATTENTION_KINDS.map((kind, i) =>
  anAttentionItem({
    key: `${kind}:t${i}`,
    kind,
    task_id: i % 2 ? 't1' : 't3',
    message: `Item of kind ${kind}`,
  }),
);

function renderPage(data: BoardData = busyBoard()) {
  const view = renderBoard(<App origin="http://127.0.0.1:4000" onToken={async () => {}} />, {
    data,
    connection: 'live',
    attention: { items: attention, loaded: true },
    webNotifications: 'off',
  });
  view.backend.handlers['remote.status'] = () => ({
    enabled: true,
    urls: ['http://192.168.1.20:4000'],
    addresses: ['192.168.1.20'],
    fixed: false,
  });
  view.backend.handlers['devices.list'] = () => [
    { id: 'dv1', name: 'iPad', scope: 'read', created_at: T0, last_used_at: T0, revoked_at: null },
    { id: 'dv2', name: 'Laptop', scope: 'write', created_at: T0, last_used_at: null, revoked_at: T0 },
  ];
  view.backend.handlers['usage.ofTask'] = () => ({
    rows: [
      {
        session_id: null,
        agent_id: null,
        model: 'claude-sonnet-4',
        input_tokens: 1200,
        output_tokens: 300,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        cost_usd: null,
        reports: 1,
        unpriced_reports: 1,
      },
    ],
  });
  return view;
}

describe('no emoji as icons', () => {
  it('the test itself sees an emoji outside an avatar, and allows one inside', () => {
    renderBoard(
      <p>
        <span data-avatar>🦊</span> Ada <span>⚙ 2</span>
      </p>,
    );
    expect(emojiOutsideAvatars()).toEqual(['⚙ 2']);
  });

  it('header, sidebar and a board with cards in every state', async () => {
    renderPage();
    expect(await screen.findAllByTestId('task-card')).toHaveLength(9);
    expect(screen.getByTestId('card-lease')).toBeInTheDocument();
    expect(screen.getByTestId('card-blocked')).toBeInTheDocument();
    expect(screen.getAllByTestId('card-subagents').length).toBeGreaterThan(0);
    expect(screen.getAllByTestId('card-silent-subagents').length).toBeGreaterThan(0);
    expect(screen.getAllByTestId('card-review-actions').length).toBeGreaterThan(0);
    // Avatars do show the agents' emoji here (jsdom has no canvas to say otherwise): marked, so allowed.
    expect(document.querySelector('[data-avatar]')?.textContent).toMatch(ICON_LIKE);
    expect(emojiOutsideAvatars()).toEqual([]);
  });

  it('the bell with an item of every kind, and the recent events', async () => {
    const { store } = renderPage();
    await userEvent.click(screen.getByTestId('attention-bell'));
    expect(await screen.findAllByTestId('attention-item')).toHaveLength(ATTENTION_KINDS.length);
    expect(emojiOutsideAvatars()).toEqual([]);
    await userEvent.keyboard('{Escape}');
    act(() => store.setState((s) => ({ ui: { ...s.ui, feedOpen: true } })));
    expect(await screen.findByTestId('event-feed')).toHaveTextContent('Ada moved');
    expect(emojiOutsideAvatars()).toEqual([]);
  });

  it('every tab of the task modal', async () => {
    const { store } = renderPage();
    act(() => store.setState((s) => ({ ui: { ...s.ui, openTaskId: 't1' } })));
    await screen.findByLabelText(/Title/);
    expect(emojiOutsideAvatars()).toEqual([]);
    const shows = {
      Conversation: 'comment',
      Activity: 'activity-item',
      Deliverables: 'deliverable-item',
      Sessions: 'session-row',
      Usage: 'usage-row',
    };
    for (const [tab, testId] of Object.entries(shows)) {
      await userEvent.click(screen.getByRole('tab', { name: new RegExp(tab) }));
      expect((await screen.findAllByTestId(testId)).length).toBeGreaterThan(0);
      expect(emojiOutsideAvatars()).toEqual([]);
    }
  });

  it('the other-devices panel and the review dialog', async () => {
    const { store } = renderPage();
    await userEvent.click(screen.getByRole('button', { name: 'Other devices' }));
    expect(await screen.findAllByTestId('device-row')).toHaveLength(2);
    expect(screen.getByTestId('remote-urls')).toBeInTheDocument();
    expect(emojiOutsideAvatars()).toEqual([]);
    act(() => store.setState((s) => ({ ui: { ...s.ui, changesFor: 't3' } })));
    expect(await screen.findByTestId('request-changes-task')).toHaveTextContent('Review me');
    expect(emojiOutsideAvatars()).toEqual([]);
  });

  it('the empty board', async () => {
    renderPage({ ...emptyBoard(), agents: { a1: anAgent() } });
    expect(await screen.findByTestId('empty-board')).toBeInTheDocument();
    expect(emojiOutsideAvatars()).toEqual([]);
  });

  it('the token prompt', async () => {
    renderBoard(<App origin="" onToken={async () => {}} />, { auth: 'needed', loaded: false });
    expect(await screen.findByTestId('token-input')).toBeInTheDocument();
    expect(emojiOutsideAvatars()).toEqual([]);
  });
});
