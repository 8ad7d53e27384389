import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderBoard } from '../render-board.tsx';
import { applyEvent } from '../store/apply-event.ts';
import { emptyBoard } from '../store/board-data.ts';
import { anAgent, aSession, aTask, ev } from '../test-fixtures.ts';
import { AgentsSidebar } from './AgentsSidebar.tsx';
import { Board } from './Board.tsx';
import { EmptyBoard } from './EmptyBoard.tsx';
import { TokenPrompt } from './TokenPrompt.tsx';

const data = {
  ...emptyBoard(),
  agents: { a1: anAgent() },
  tasks: {
    t1: aTask({ assigned_agent_id: 'a1', priority: 'urgent' }),
    t2: aTask({ id: 't2', title: 'Review docs', status: 'review' }),
  },
  sessions: { s1: aSession() },
};

describe('Board', () => {
  it('shows six columns with counts and cards with priority, assignee and sub-agents', () => {
    renderBoard(<Board />, { data });
    for (const status of ['inbox', 'assigned', 'in_progress', 'testing', 'review', 'done'])
      expect(screen.getByTestId(`column-${status}`)).toBeInTheDocument();
    expect(screen.getByTestId('count-inbox')).toHaveTextContent('1');
    expect(screen.getByTestId('count-review')).toHaveTextContent('1');
    const card = within(screen.getByTestId('column-inbox')).getByTestId('task-card');
    expect(card).toHaveTextContent('Write the parser');
    expect(card).toHaveTextContent('urgent');
    expect(within(card).getByLabelText('Assigned to Ada')).toBeInTheDocument();
    expect(within(card).getByTestId('card-subagents')).toHaveTextContent('1');
  });

  it('follows store changes and filters by search', () => {
    const { store } = renderBoard(<Board />, { data });
    act(() => {
      store.setState((s) => ({
        data: applyEvent(
          s.data,
          ev(1, 'task_updated', {
            ...aTask({ id: 't2', title: 'Review docs', status: 'done', version: 2 }),
            previous_status: 'review',
            previous_assigned_agent_id: null,
          }),
        ).data,
      }));
    });
    expect(screen.getByTestId('count-done')).toHaveTextContent('1');
    act(() => store.setState((s) => ({ ui: { ...s.ui, search: 'parser' } })));
    expect(screen.getByTestId('count-done')).toHaveTextContent('0');
    expect(screen.getByTestId('count-inbox')).toHaveTextContent('1');
  });

  it('opens the task when a card is clicked', async () => {
    const { store } = renderBoard(<Board />, { data });
    await userEvent.click(within(screen.getByTestId('column-inbox')).getByTestId('task-card'));
    expect(store.getState().ui.openTaskId).toBe('t1');
  });
});

describe('AgentsSidebar', () => {
  it('counts active sub-agents as sessions start and end', () => {
    const { store } = renderBoard(<AgentsSidebar />, { data: { ...data, sessions: {} } });
    const count = screen.getByTestId('active-subagents');
    expect(count).toHaveTextContent('0 active sub-agents');
    act(() =>
      store.setState((s) => ({
        data: { ...s.data, sessions: { s1: aSession(), s2: aSession({ id: 's2' }) } },
      })),
    );
    expect(count).toHaveTextContent('2 active sub-agents');
    act(() =>
      store.setState((s) => ({
        data: {
          ...s.data,
          sessions: { ...s.data.sessions, s2: aSession({ id: 's2', status: 'completed' }) },
        },
      })),
    );
    expect(count).toHaveTextContent('1 active sub-agent');
    expect(screen.getByText('Ada')).toBeInTheDocument();
  });
});

describe('EmptyBoard and TokenPrompt', () => {
  it('tells a new user the curl line with this server’s URL', () => {
    renderBoard(<EmptyBoard origin="http://127.0.0.1:4123" />);
    expect(screen.getByTestId('empty-board')).toHaveTextContent(
      'curl -X POST http://127.0.0.1:4123/api/tasks',
    );
  });

  it('submits the token and shows a refusal', async () => {
    const tried: string[] = [];
    renderBoard(
      <TokenPrompt
        onSubmit={async (token) => {
          tried.push(token);
          throw new Error('That token is not valid for this server');
        }}
      />,
    );
    await userEvent.type(screen.getByLabelText('Access token'), 'abc');
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(tried).toEqual(['abc']);
    expect(await screen.findByText('That token is not valid for this server')).toBeInTheDocument();
  });
});
