// The Done column over a window of done tasks: the server's count, and older pages on request.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { FakeBackend, settle } from '../fake-backend.ts';
import { renderBoard } from '../render-board.tsx';
import { emptyBoard } from '../store/board-data.ts';
import { createBoardStore, setUi } from '../store/store.ts';
import { aTask } from '../test-fixtures.ts';
import { Board } from './Board.tsx';

const done = (id: string, updated_at: string) =>
  aTask({ id, title: `Done ${id}`, status: 'done', updated_at });

it('counts every done task, not the loaded ones, and loads the next page from its foot', async () => {
  const backend = new FakeBackend();
  backend.handlers['snapshot.done'] = () => ({
    tasks: [done('old', '2026-01-01T00:00:00.000Z')],
    next: null,
  });
  const data = {
    ...emptyBoard(),
    tasks: { d1: done('d1', '2026-01-03T00:00:00.000Z'), d2: done('d2', '2026-01-02T00:00:00.000Z') },
    done: { total: 1234, next: 'c1', deleted: [] },
  };
  const { store } = renderBoard(<Board />, { data }, backend);
  const column = screen.getByTestId('column-done');
  expect(screen.getByTestId('count-done')).toHaveTextContent('1234');
  expect(column).toHaveAttribute('data-loaded', '2');
  await settle(); // jsdom lays nothing out: the virtualiser's guess shows both cards, near the end, so a page comes
  await act(settle);
  expect(backend.calls.filter((c) => c.command === 'snapshot.done')).toEqual([
    { command: 'snapshot.done', input: { before: 'c1', limit: 200 } },
  ]);
  expect(column).toHaveAttribute('data-loaded', '3');
  expect(within(column).queryByTestId('column-more')).toBeNull(); // the last page
  // A filter narrows the columns: the count is what matches among the loaded cards.
  act(() => setUi(store, { search: 'Done d1' }));
  expect(screen.getByTestId('count-done')).toHaveTextContent('1');
});

it('pages only on request while a filter is on', async () => {
  const backend = new FakeBackend();
  backend.handlers['snapshot.done'] = () => ({
    tasks: [done('old', '2026-01-01T00:00:00.000Z')],
    next: 'c2',
  });
  const data = {
    ...emptyBoard(),
    tasks: { d1: done('d1', '2026-01-03T00:00:00.000Z') },
    done: { total: 50, next: 'c1', deleted: [] },
  };
  const { store } = renderBoard(
    <Board />,
    { data, ui: { ...createBoardStore().getState().ui, search: 'Done' } },
    backend,
  );
  await act(settle);
  expect(backend.calls.filter((c) => c.command === 'snapshot.done')).toHaveLength(0);
  await userEvent.click(screen.getByRole('button', { name: 'Older tasks' }));
  await act(settle);
  expect(backend.calls.filter((c) => c.command === 'snapshot.done')).toHaveLength(1);
  expect(store.getState().data.done.next).toBe('c2');
  expect(screen.getByTestId('column-done')).toHaveAttribute('data-loaded', '2');
});
