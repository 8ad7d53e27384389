import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../shared/entities.ts';
import { renderBoard } from '../render-board.tsx';
import { applyEvent } from '../store/apply-event.ts';
import { emptyBoard } from '../store/board-data.ts';
import type { BoardStore } from '../store/store.ts';
import { anAgent, aSession, aTask, ev } from '../test-fixtures.ts';
import { Board } from './Board.tsx';

const lease = { agent_id: 'a1', expires_at: '2026-01-31T12:05:00.000Z', lease_s: 300 };
const cardOf = (id: string) =>
  screen.getAllByTestId('task-card').find((el) => el.dataset.taskId === id) as HTMLElement;

/** A task_updated event folded in the way the bootstrap does it. */
const update = (store: BoardStore, task: Task, previous: Task['status']) =>
  act(() =>
    store.setState((s) => ({
      data: applyEvent(
        s.data,
        ev(s.data.lastEventId + 1, 'task_updated', {
          ...task,
          previous_status: previous,
          previous_assigned_agent_id: task.assigned_agent_id,
        }),
      ).data,
    })),
  );

describe('TaskCard work state', () => {
  it('shows who holds the lease, in the card and in its accessible name', () => {
    renderBoard(<Board />, {
      data: {
        ...emptyBoard(),
        agents: { a1: anAgent() },
        tasks: { t1: aTask({ status: 'in_progress', assigned_agent_id: 'a1', lease, claim_count: 1 }) },
      },
    });
    const card = cardOf('t1');
    expect(within(card).getByTestId('card-lease')).toHaveTextContent('held by Ada');
    expect(within(card).getByTestId('card-lease').querySelector('svg')).not.toBeNull();
    expect(card).toHaveAccessibleName('Write the parser, normal priority, held by Ada');
    expect(within(card).queryByTestId('card-blocked')).not.toBeInTheDocument();
  });

  it('names a holder the board does not know by its id', () => {
    renderBoard(<Board />, {
      data: {
        ...emptyBoard(),
        tasks: { t1: aTask({ status: 'in_progress', lease: { ...lease, agent_id: 'ghost' } }) },
      },
    });
    expect(within(cardOf('t1')).getByTestId('card-lease')).toHaveTextContent('held by ghost');
  });

  it('counts the dependencies not done, and drops the lock live when the last one is done', () => {
    const deps = {
      d1: aTask({ id: 'd1', title: 'Schema', status: 'in_progress' }),
      d2: aTask({ id: 'd2', title: 'Fixtures', status: 'inbox' }),
      d3: aTask({ id: 'd3', title: 'Spec', status: 'done' }),
    };
    const blocked = aTask({ id: 'b1', title: 'Importer', depends_on: ['d1', 'd2', 'd3'], blocked: true });
    const { store } = renderBoard(<Board />, { data: { ...emptyBoard(), tasks: { ...deps, b1: blocked } } });
    expect(within(cardOf('b1')).getByTestId('card-blocked')).toHaveTextContent('waits for 2');
    expect(cardOf('b1')).toHaveAccessibleName('Importer, normal priority, waits for 2');
    expect(within(cardOf('d1')).queryByTestId('card-blocked')).not.toBeInTheDocument();

    update(store, { ...deps.d2, status: 'done', version: 2 }, 'inbox');
    expect(within(cardOf('b1')).getByTestId('card-blocked')).toHaveTextContent('waits for 1');

    // The server sends the dependency's move and the dependent's new `blocked` together.
    update(store, { ...deps.d1, status: 'done', version: 2 }, 'in_progress');
    update(store, { ...blocked, blocked: false, version: 2 }, 'inbox');
    expect(within(cardOf('b1')).queryByTestId('card-blocked')).not.toBeInTheDocument();
    expect(cardOf('b1')).toHaveAccessibleName('Importer, normal priority');
  });

  it('makes held and blocked cards one line taller, so the virtualised column leaves room', () => {
    renderBoard(<Board />, {
      data: {
        ...emptyBoard(),
        tasks: {
          t1: aTask({ lease }),
          t2: aTask({ id: 't2', updated_at: '2026-01-31T11:00:00.000Z' }),
        },
      },
    });
    expect(cardOf('t1').style.height).toBe('114px');
    expect(cardOf('t2').style.height).toBe('96px');
    expect((cardOf('t2').parentElement as HTMLElement).style.transform).toBe('translateY(114px)');
  });

  it('shows silent sub-agents apart from active ones', () => {
    renderBoard(<Board />, {
      data: {
        ...emptyBoard(),
        tasks: { t1: aTask() },
        sessions: {
          s1: aSession(),
          s2: aSession({ id: 's2', status: 'stale' }),
          s3: aSession({ id: 's3', status: 'stale' }),
        },
      },
    });
    const card = cardOf('t1');
    expect(within(card).getByTestId('card-subagents')).toHaveAccessibleName('1 active sub-agents');
    expect(within(card).getByTestId('card-silent-subagents')).toHaveTextContent(/^2$/);
    expect(within(card).getByTestId('card-silent-subagents')).toHaveAccessibleName('2 silent sub-agents');
  });
});
