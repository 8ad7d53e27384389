import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../shared/entities.ts';
import { renderBoard } from '../render-board.tsx';
import { applyEvent } from '../store/apply-event.ts';
import { emptyBoard } from '../store/board-data.ts';
import { aTask, ev } from '../test-fixtures.ts';
import { Board } from './Board.tsx';

const cardOf = (id: string) =>
  screen.getAllByTestId('task-card').find((el) => el.dataset.taskId === id) as HTMLElement;
const usage = (input_tokens: number, output_tokens: number, cost_usd: number | null) => ({
  input_tokens,
  output_tokens,
  cost_usd,
});
const board = (tasks: Task[]) => ({
  data: { ...emptyBoard(), tasks: Object.fromEntries(tasks.map((t) => [t.id, t])) },
});

describe('the card cost chip', () => {
  it('is hidden without usage, shows the cost, and "—" for tokens of unknown cost', () => {
    renderBoard(
      <Board />,
      board([
        aTask({ id: 'none' }),
        aTask({ id: 'priced', usage: usage(1200, 300, 0.4213) }),
        aTask({ id: 'unknown', usage: usage(1200, 300, null) }),
      ]),
    );
    expect(within(cardOf('none')).queryByTestId('card-cost')).toBeNull();
    expect(within(cardOf('priced')).getByTestId('card-cost')).toHaveTextContent('$0.42');
    expect(within(cardOf('unknown')).getByTestId('card-cost')).toHaveTextContent('—');
    expect(within(cardOf('unknown')).getByTestId('card-cost')).toHaveAccessibleName(/cost unknown/);
  });

  it('follows a usage report live, without a new task version, and turns red over budget', () => {
    const task = aTask({ id: 't1', budget_usd: 1 });
    const { store } = renderBoard(<Board />, board([task]));
    const report = (cost: number, total: number, over: boolean) =>
      act(() =>
        store.setState((s) => ({
          data: applyEvent(
            s.data,
            ev(s.data.lastEventId + 1, 'usage_recorded', {
              id: `u${s.data.lastEventId}`,
              task_id: 't1',
              session_id: null,
              agent_id: null,
              model: 'm',
              input_tokens: 10,
              output_tokens: 1,
              cache_read_tokens: 0,
              cache_write_tokens: 0,
              cost_usd: cost,
              created_at: task.created_at,
              task_usage: usage(10, 1, total),
              task_over_budget: over,
              task_assigned_agent_id: null,
            }),
          ).data,
        })),
      );
    report(0.5, 0.5, false);
    const chip = () => within(cardOf('t1')).getByTestId('card-cost');
    expect(chip()).toHaveTextContent('$0.50');
    expect(chip().dataset.overBudget).toBeUndefined();
    report(0.5, 1, true);
    expect(chip()).toHaveTextContent('$1.00');
    expect(chip().dataset.overBudget).toBe('true');
    expect(store.getState().data.tasks.t1?.version).toBe(task.version);
  });
});
