import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderBoard } from '../render-board.tsx';
import { emptyBoard } from '../store/board-data.ts';
import { anAgent, aSession } from '../test-fixtures.ts';
import { AgentsSidebar } from './AgentsSidebar.tsx';

const rowOf = (name: string) =>
  screen.getAllByTestId('agent-row').find((row) => row.textContent?.includes(name)) as HTMLElement;

describe('AgentsSidebar', () => {
  it('shows each agent’s real presence as a labelled dot, whatever status it reports', () => {
    renderBoard(<AgentsSidebar />, {
      data: {
        ...emptyBoard(),
        agents: {
          a1: anAgent({
            id: 'a1',
            name: 'Ada',
            presence: 'online',
            last_seen_at: '2026-01-31T12:00:00.000Z',
          }),
          a2: anAgent({ id: 'a2', name: 'Bo', presence: 'away', last_seen_at: '2026-01-31T11:55:00.000Z' }),
          a3: anAgent({ id: 'a3', name: 'Cy', presence: 'offline', status: 'working' }),
          a4: anAgent({ id: 'a4', name: 'Di', presence: 'unknown' }),
        },
      },
    });
    const dot = (name: string) => within(rowOf(name)).getByTestId('presence-dot');
    expect(dot('Ada')).toHaveAccessibleName('Presence: online');
    expect(dot('Ada')).toHaveClass('mc-presence-online');
    expect(dot('Bo')).toHaveAccessibleName('Presence: away');
    expect(dot('Bo')).toHaveClass('mc-presence-away');
    // Says "working", is not there: the dot tells the truth.
    expect(dot('Cy')).toHaveAccessibleName('Presence: offline');
    expect(rowOf('Cy')).toHaveTextContent('working');
    expect(dot('Di')).toHaveAccessibleName('Presence: never seen');
    expect(dot('Di')).toHaveClass('mc-presence-unknown');
  });

  it('follows presence changes pushed by the server', () => {
    const { store } = renderBoard(<AgentsSidebar />, {
      data: { ...emptyBoard(), agents: { a1: anAgent({ presence: 'online' }) } },
    });
    act(() =>
      store.setState((s) => ({
        data: { ...s.data, agents: { a1: anAgent({ presence: 'away' }) } },
      })),
    );
    expect(screen.getByRole('img', { name: 'Presence: away' })).toBeInTheDocument();
  });

  it('counts active sessions only and shows silent ones apart', () => {
    const { store } = renderBoard(<AgentsSidebar />, {
      data: {
        ...emptyBoard(),
        agents: { a1: anAgent() },
        sessions: {
          s1: aSession({ id: 's1', agent_id: 'a1' }),
          s2: aSession({ id: 's2', agent_id: 'a1' }),
          s3: aSession({ id: 's3', agent_id: 'a1', status: 'stale' }),
          s4: aSession({ id: 's4', status: 'completed' }),
        },
      },
    });
    const count = screen.getByTestId('active-subagents');
    expect(count).toHaveTextContent('2 active · 1 silent');
    expect(within(rowOf('Ada')).getByLabelText('2 active sub-agents')).toHaveTextContent('2');
    expect(within(rowOf('Ada')).getByLabelText('1 silent sub-agent')).toHaveTextContent('1');

    // A heartbeat brings the silent one back: the plain wording returns.
    act(() =>
      store.setState((s) => ({
        data: { ...s.data, sessions: { ...s.data.sessions, s3: aSession({ id: 's3', agent_id: 'a1' }) } },
      })),
    );
    expect(count).toHaveTextContent('3 active sub-agents');
    expect(within(rowOf('Ada')).queryByLabelText(/silent/)).not.toBeInTheDocument();
  });
});
