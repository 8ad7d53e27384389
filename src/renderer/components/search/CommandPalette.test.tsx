// The command palette: Ctrl-K opens it, typing searches (debounced, last word as a prefix), matches
// are <mark> elements, a hit opens its task on the tab it was found in, a bad query says why.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import type { SearchAnswer, SearchQuery } from '../../../shared/search.ts';
import { BackendError } from '../../backend/backend.ts';
import { FakeBackend } from '../../fake-backend.ts';
import { renderBoard } from '../../render-board.tsx';
import { emptyBoard } from '../../store/board-data.ts';
import { aTask } from '../../test-fixtures.ts';
import { SearchButton } from './SearchButton.tsx';

const answer: SearchAnswer = {
  hits: [
    {
      kind: 'log',
      id: 's1:7',
      task_id: 't1',
      session_id: 's1',
      title: 'Build the parser',
      snippet: 'compiling zeppelin <module>',
      highlights: [[10, 18]],
      at: '2026-01-31T12:00:00.000Z',
    },
  ],
};

function setup(search: (q: SearchQuery) => SearchAnswer) {
  const backend = new FakeBackend();
  const queries: string[] = [];
  backend.handlers.search = (input) => {
    queries.push((input as SearchQuery).q);
    return search(input as SearchQuery);
  };
  const view = renderBoard(
    <SearchButton />,
    { data: { ...emptyBoard(), tasks: { t1: aTask({ id: 't1' }) } } },
    backend,
  );
  return { ...view, queries };
}

it('opens on Ctrl-K, searches as you type and jumps to a log hit’s task and session', async () => {
  const user = userEvent.setup({ delay: null }); // keys faster than the debounce, however busy the machine
  const { store, queries } = setup(() => answer);
  await user.keyboard('{Control>}k{/Control}');
  const input = await screen.findByRole('textbox', { name: 'Search everything' });
  await user.type(input, 'zepp');
  const hit = await screen.findByTestId('search-hit');
  expect(queries).toEqual(['zepp*']); // debounced: one call for the four keys
  const mark = hit.querySelector('mark');
  expect(mark?.textContent).toBe('zeppelin');
  expect(hit).toHaveTextContent('compiling zeppelin <module>');
  expect(hit.querySelector('module')).toBeNull();
  await user.click(hit);
  expect(store.getState().ui).toMatchObject({
    openTaskId: 't1',
    taskTab: 'sessions',
    logSessionId: 's1',
    logSeq: 7, // from the id: this hit has no `seq` (an older server)
    paletteOpen: false,
  });
});

it('says why a query cannot be parsed, and that nothing was found', async () => {
  const user = userEvent.setup();
  setup((q) => {
    if (q.q.includes('('))
      throw new BackendError('bad_query', 'Unbalanced parenthesis: "(" without ")"', 400);
    return { hits: [] };
  });
  await user.click(screen.getByRole('button', { name: 'Search everything' }));
  const input = await screen.findByRole('textbox', { name: 'Search everything' });
  await user.type(input, 'nothing ');
  await waitFor(() => expect(screen.getByText('Nothing found.')).toBeInTheDocument());
  await user.type(input, '(a');
  expect(await screen.findByText('Unbalanced parenthesis: "(" without ")"')).toBeInTheDocument();
});

it('opens the first hit on Enter when none is picked', async () => {
  const user = userEvent.setup();
  const { store } = setup(() => answer);
  await user.keyboard('{Meta>}k{/Meta}');
  const input = await screen.findByRole('textbox', { name: 'Search everything' });
  await user.type(input, 'zeppelin ');
  await screen.findByTestId('search-hit');
  await user.keyboard('{Enter}');
  expect(store.getState().ui).toMatchObject({ openTaskId: 't1', taskTab: 'sessions', paletteOpen: false });
});

it('searches only the kinds picked with the chips', async () => {
  const user = userEvent.setup();
  const backend = new FakeBackend();
  const calls: SearchQuery[] = [];
  backend.handlers.search = (input) => {
    calls.push(input as SearchQuery);
    return answer;
  };
  renderBoard(<SearchButton />, { data: { ...emptyBoard(), tasks: { t1: aTask({ id: 't1' }) } } }, backend);
  await user.click(screen.getByRole('button', { name: 'Search everything' }));
  await user.type(await screen.findByRole('textbox', { name: 'Search everything' }), 'zeppelin ');
  await waitFor(() => expect(calls.at(-1)).toEqual({ q: 'zeppelin', limit: 20 }));
  await user.click(screen.getByRole('checkbox', { name: 'Logs' }));
  await user.click(screen.getByRole('checkbox', { name: 'Comments' }));
  await waitFor(() => expect(calls.at(-1)).toEqual({ q: 'zeppelin', limit: 20, kinds: 'log,comment' }));
});
