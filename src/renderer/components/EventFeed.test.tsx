import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { renderBoard } from '../render-board.tsx';
import { emptyBoard } from '../store/board-data.ts';
import { createBoardStore } from '../store/store.ts';
import { EventFeed } from './EventFeed.tsx';

const at = '2026-01-31T12:00:00.000Z';

it('shows only the event types picked with the chips, all of them when none is', async () => {
  const ui = { ...createBoardStore().getState().ui, feedOpen: true };
  renderBoard(<EventFeed />, {
    ui,
    data: {
      ...emptyBoard(),
      feed: [
        { id: 3, type: 'comment_added', summary: 'Ada commented', created_at: at },
        { id: 2, type: 'task_created', summary: 'Task B created', created_at: at },
        { id: 1, type: 'task_created', summary: 'Task A created', created_at: at },
      ],
    },
  });
  const summaries = () =>
    [...screen.getByTestId('event-feed').querySelectorAll('p:first-child')].map((p) => p.textContent);
  expect(summaries()).toEqual(['Ada commented', 'Task B created', 'Task A created']);
  await userEvent.click(await screen.findByRole('checkbox', { name: 'task created' }));
  expect(summaries()).toEqual(['Task B created', 'Task A created']);
  await userEvent.click(screen.getByRole('checkbox', { name: 'comment added' }));
  expect(summaries()).toEqual(['Ada commented', 'Task B created', 'Task A created']);
});
