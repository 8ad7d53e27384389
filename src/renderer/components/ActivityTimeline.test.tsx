// The Activity tab's filter chips: by type and by agent (system for entries without one), combined,
// and live: an activity logged while filtered appears only if it matches.
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import type { Activity } from '../../shared/entities.ts';
import { renderBoard } from '../render-board.tsx';
import { emptyBoard } from '../store/board-data.ts';
import { anAgent, aTask } from '../test-fixtures.ts';
import { ActivityTimeline } from './ActivityTimeline.tsx';

const activity = (
  id: string,
  activity_type: Activity['activity_type'],
  agent_id: string | null,
): Activity => ({
  id,
  task_id: 't1',
  agent_id,
  activity_type,
  message: `message ${id}`,
  metadata: null,
  created_at: '2026-01-31T12:00:00.000Z',
});

it('filters the timeline by type and by agent, and keeps filtering as activities arrive', async () => {
  const user = userEvent.setup();
  const { store } = renderBoard(<ActivityTimeline taskId="t1" />, {
    data: {
      ...emptyBoard(),
      tasks: { t1: aTask({ id: 't1' }) },
      agents: { a1: anAgent({ id: 'a1', name: 'Dev' }) },
      activities: {
        t1: [
          activity('1', 'updated', 'a1'),
          activity('2', 'status_changed', null),
          activity('3', 'updated', null),
        ],
      },
    },
  });
  const shown = () =>
    screen.getAllByTestId('activity-item').map((el) => el.textContent?.match(/message (\d)/)?.[1]);
  expect(shown()).toEqual(['1', '2', '3']);
  await user.click(screen.getByRole('checkbox', { name: 'updated' }));
  expect(shown()).toEqual(['1', '3']);
  await user.click(screen.getByRole('checkbox', { name: 'system' }));
  expect(shown()).toEqual(['3']);
  act(() =>
    store.setState((s) => ({
      data: {
        ...s.data,
        activities: {
          t1: [
            ...(s.data.activities.t1 ?? []),
            activity('4', 'updated', 'a1'),
            activity('5', 'updated', null),
          ],
        },
      },
    })),
  );
  expect(shown()).toEqual(['3', '5']);
  await user.click(screen.getByRole('checkbox', { name: 'updated' }));
  await user.click(screen.getByRole('checkbox', { name: 'system' }));
  expect(shown()).toEqual(['1', '2', '3', '4', '5']);
});
