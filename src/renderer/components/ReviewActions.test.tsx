import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BackendError } from '../backend/backend.ts';
import { renderBoard } from '../render-board.tsx';
import { emptyBoard } from '../store/board-data.ts';
import type { BoardState } from '../store/store.ts';
import { aTask } from '../test-fixtures.ts';
import { Board } from './Board.tsx';
import { RequestChangesDialog } from './RequestChangesDialog.tsx';

const cardOf = (id: string) =>
  screen.getAllByTestId('task-card').find((el) => el.dataset.taskId === id) as HTMLElement;

const board = (state: Partial<BoardState> = {}) =>
  renderBoard(
    <>
      <Board />
      <RequestChangesDialog />
    </>,
    {
      data: {
        ...emptyBoard(),
        tasks: {
          r1: aTask({ id: 'r1', title: 'Parser', status: 'review' }),
          i1: aTask({ id: 'i1', title: 'Idea', updated_at: '2026-01-31T11:00:00.000Z' }),
        },
      },
      ...state,
    },
  );

describe('Review buttons on cards', () => {
  it('appear only on cards in review, which are one row taller', () => {
    board();
    expect(screen.getAllByTestId('card-review-actions')).toHaveLength(1);
    expect(screen.getByTestId('card-review-actions')).toHaveAttribute('data-review-for', 'r1');
    expect(cardOf('r1').style.height).toBe('126px');
    expect(cardOf('i1').style.height).toBe('96px');
  });

  it('approve without opening the task, moving the card to Done at once', async () => {
    const { backend, store } = board();
    let answer: (t: unknown) => void = () => {};
    backend.handlers['tasks.review'] = () => new Promise((r) => (answer = r));
    await userEvent.click(screen.getByRole('button', { name: 'Approve “Parser”' }));
    expect(store.getState().ui.openTaskId).toBeNull();
    expect(cardOf('r1')).toHaveAttribute('data-status', 'done');
    expect(backend.calls.at(-1)?.input).toEqual({ id: 'r1', decision: 'approve', comment: null });
    answer(aTask({ id: 'r1', title: 'Parser', status: 'done', version: 2 }));
  });

  it('put the card back and say why when the server refuses', async () => {
    const { backend, store } = board();
    backend.handlers['tasks.review'] = () => {
      throw new BackendError('not_in_review', 'Task r1 is not in review', 409);
    };
    await userEvent.click(screen.getByRole('button', { name: 'Approve “Parser”' }));
    expect(cardOf('r1')).toHaveAttribute('data-status', 'review');
    expect(store.getState().notices[0]?.message).toMatch(/no longer in review/);
  });

  it('request changes through a small composer that sends the comment', async () => {
    const { backend, store } = board();
    backend.handlers['tasks.review'] = () => aTask({ id: 'r1', status: 'assigned', version: 2 });
    await userEvent.click(screen.getByRole('button', { name: 'Request changes to “Parser”' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/What should change/), 'Handle empty input');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Request changes' }));
    expect(backend.calls.at(-1)?.input).toEqual({
      id: 'r1',
      decision: 'request_changes',
      comment: 'Handle empty input',
    });
    expect(store.getState().ui.changesFor).toBeNull();
    expect(store.getState().data.tasks.r1?.status).toBe('assigned');
  });

  it('are not offered to a read-only device, and its cards keep their height', () => {
    board({ access: { scope: 'read', deviceId: 'dev1' } });
    expect(screen.queryByTestId('card-review-actions')).not.toBeInTheDocument();
    expect(cardOf('r1').style.height).toBe('96px');
  });
});
