import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderBoard } from '../render-board.tsx';
import { emptyBoard } from '../store/board-data.ts';
import { aSession, aTask } from '../test-fixtures.ts';
import { SessionList } from './SessionList.tsx';

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const MIN = 60_000;

const rowOf = (name: string) =>
  screen.getAllByTestId('session-row').find((row) => row.textContent?.includes(name)) as HTMLElement;

const show = (sessions: ReturnType<typeof aSession>[]) => {
  const view = renderBoard(<SessionList />, {
    data: {
      ...emptyBoard(),
      tasks: { t1: aTask() },
      sessions: Object.fromEntries(sessions.map((s) => [s.id, s])),
    },
  });
  act(() => view.store.setState((s) => ({ ui: { ...s.ui, openTaskId: 't1' } })));
  return view;
};

describe('SessionList', () => {
  it('greys a silent session and says for how long it has been silent', () => {
    show([
      aSession({ id: 's1', agent_name: 'Reader', created_at: ago(10 * MIN) }),
      aSession({
        id: 's2',
        agent_name: 'Writer',
        status: 'stale',
        heartbeat_ttl_s: 60,
        created_at: ago(10 * MIN),
        last_heartbeat_at: ago(3 * MIN + 5_000),
      }),
    ]);
    const silent = rowOf('Writer');
    expect(silent).toHaveAttribute('data-session-status', 'stale');
    expect(within(silent).getAllByRole('cell')[1]).toHaveTextContent('silent for 3 min');
    expect(silent.style.opacity).toBe('0.75');
    const active = rowOf('Reader');
    expect(active).toHaveTextContent('active');
    expect(within(active).queryByTestId('silent-for')).not.toBeInTheDocument();
    expect(active.style.opacity).toBe('');
  });

  it('counts the silence from the registration when no heartbeat ever came', () => {
    show([
      aSession({
        agent_name: 'Mute',
        status: 'stale',
        heartbeat_ttl_s: 10,
        created_at: ago(125 * MIN + 20_000),
      }),
    ]);
    expect(within(rowOf('Mute')).getByTestId('silent-for')).toHaveTextContent('for 2 h 5 min');
  });

  it('shows a session that just went silent without a made-up number of seconds', () => {
    show([aSession({ agent_name: 'New', status: 'stale', last_heartbeat_at: ago(15_000) })]);
    expect(rowOf('New')).toHaveTextContent('silent for under a minute');
  });
});
