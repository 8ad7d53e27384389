import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BackendError } from '../backend/backend.ts';
import { renderBoard } from '../render-board.tsx';
import { applyEvent } from '../store/apply-event.ts';
import { emptyBoard } from '../store/board-data.ts';
import type { BoardState } from '../store/store.ts';
import { aComment, anAgent, aTask, ev } from '../test-fixtures.ts';
import { TaskConversation } from './TaskConversation.tsx';

const conversation = (state: Partial<BoardState> = {}) =>
  renderBoard(<TaskConversation taskId="t1" />, {
    data: {
      ...emptyBoard(),
      tasks: { t1: aTask({ assigned_agent_id: 'a1' }) },
      agents: { a1: anAgent() },
      comments: {
        t1: [
          aComment(),
          aComment({
            id: 'c2',
            agent_id: null,
            author: 'operator',
            body: 'Looks good.\nOne more test?',
            created_at: '2026-01-31T12:01:00.000Z',
          }),
        ],
      },
    },
    ...state,
  });

const authors = () =>
  screen.getAllByRole('article').map((c) => c.getAttribute('aria-label')?.replace(' wrote', ''));

describe('TaskConversation', () => {
  it('shows the comments oldest first, with the agent’s name or “You”', () => {
    conversation();
    expect(authors()).toEqual(['Ada', 'You']);
    expect(screen.getAllByTestId('comment-body')[1]).toHaveTextContent('Looks good. One more test?');
  });

  it('adds an agent’s comment live', () => {
    const { store } = conversation();
    const comment = aComment({ id: 'c3', body: 'Added it.', created_at: '2026-01-31T12:02:00.000Z' });
    act(() =>
      store.setState((s) => ({
        data: applyEvent(s.data, ev(1, 'comment_added', { ...comment, task_assigned_agent_id: 'a1' })).data,
      })),
    );
    expect(authors()).toEqual(['Ada', 'You', 'Ada']);
    expect(screen.getAllByTestId('comment-body')[2]).toHaveTextContent('Added it.');
  });

  it('sends with Ctrl+Enter and shows the answer once, even when its event follows', async () => {
    const { backend, store } = conversation();
    const mine = aComment({
      id: 'c9',
      agent_id: null,
      author: 'operator',
      body: 'Ship it',
      created_at: '2026-01-31T12:03:00.000Z',
    });
    backend.handlers['comments.create'] = () => mine;
    const box = screen.getByRole('textbox', { name: 'Comment' });
    await userEvent.type(box, 'Ship it');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(backend.calls.at(-1)).toEqual({
      command: 'comments.create',
      input: { task_id: 't1', body: 'Ship it' },
    });
    expect(box).toHaveValue('');
    act(() =>
      store.setState((s) => ({
        data: applyEvent(s.data, ev(1, 'comment_added', { ...mine, task_assigned_agent_id: 'a1' })).data,
      })),
    );
    expect(authors()).toEqual(['Ada', 'You', 'You']);
  });

  it('shows a refusal and keeps the text', async () => {
    const { backend } = conversation();
    backend.handlers['comments.create'] = () => {
      throw new BackendError('not_found', 'Task t1 not found', 404);
    };
    const box = screen.getByRole('textbox', { name: 'Comment' });
    await userEvent.type(box, 'Hello');
    await userEvent.click(screen.getByRole('button', { name: 'Comment' }));
    expect(await screen.findByTestId('comment-error')).toHaveTextContent('Task t1 not found');
    expect(box).toHaveValue('Hello');
  });

  it('has no composer on a read-only device; says when there is nothing yet', () => {
    conversation({
      access: { scope: 'read', deviceId: 'dev1' },
      data: { ...emptyBoard(), comments: { t1: [] } },
    });
    expect(screen.getByText(/No comments yet/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Comment' })).not.toBeInTheDocument();
  });
});
