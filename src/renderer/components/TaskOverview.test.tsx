import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../shared/entities.ts';
import type { TaskPatch } from '../../shared/inputs.ts';
import { BackendError } from '../backend/backend.ts';
import { renderBoard } from '../render-board.tsx';
import { emptyBoard } from '../store/board-data.ts';
import { aTask } from '../test-fixtures.ts';
import { TaskModal } from './TaskModal.tsx';

const tasks = {
  t1: aTask({ title: 'Ship the importer', depends_on: ['t2'], blocked: true }),
  t2: aTask({ id: 't2', title: 'Design the schema', status: 'in_progress' }),
  t3: aTask({ id: 't3', title: 'Write fixtures', status: 'done' }),
  t4: aTask({ id: 't4', title: 'Benchmark the parser' }),
};

const openT1 = () => {
  const view = renderBoard(<TaskModal />, {
    data: { ...emptyBoard(), tasks, activities: { t1: [] }, deliverables: { t1: [] } },
  });
  act(() => view.store.setState((s) => ({ ui: { ...s.ui, openTaskId: 't1' } })));
  return view;
};

/** The MultiSelect's search input (its label also names the listbox). */
const dependencyInput = async () =>
  (await screen.findAllByLabelText(/Depends on/)).find((el) => el instanceof HTMLInputElement) as HTMLElement;

const updates = (view: ReturnType<typeof openT1>) =>
  view.backend.calls
    .filter((c) => c.command === 'tasks.update')
    .map((c) => c.input as { changes: TaskPatch });

describe('TaskOverview dependencies', () => {
  it('shows the current dependencies and offers every other task by title, never the task itself', async () => {
    openT1();
    const input = await dependencyInput();
    const field = input.closest('.mantine-MultiSelect-root') as HTMLElement;
    expect(within(field).getByText('Design the schema')).toBeInTheDocument();
    await userEvent.click(input);
    const listbox = await screen.findByRole('listbox');
    const options = within(listbox)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(expect.arrayContaining(['Write fixtures', 'Benchmark the parser']));
    expect(options).not.toContain('Ship the importer');
    expect(options).not.toContain('Design the schema'); // already picked
  });

  it('saves a picked dependency with the rest of the form, replacing the set', async () => {
    const view = openT1();
    view.backend.handlers['tasks.update'] = (input) => {
      const { changes } = input as { changes: TaskPatch };
      return { ...tasks.t1, ...changes, version: 2 } satisfies Task;
    };
    const input = await dependencyInput();
    await userEvent.click(input);
    await userEvent.type(input, 'bench');
    await userEvent.click(await screen.findByRole('option', { name: 'Benchmark the parser' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(updates(view).at(-1)).toMatchObject({
      id: 't1',
      expected_version: 1,
      changes: { depends_on: ['t2', 't4'], title: 'Ship the importer' },
    });
  });

  it('leaves the dependencies out of a save that did not touch them', async () => {
    const view = openT1();
    view.backend.handlers['tasks.update'] = () => ({ ...tasks.t1, title: 'Ship it', version: 2 });
    const title = await screen.findByLabelText(/Title/);
    await userEvent.clear(title);
    await userEvent.type(title, 'Ship it');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(updates(view).at(-1)?.changes).not.toHaveProperty('depends_on');
  });

  it('explains a dependency cycle instead of offering to overwrite someone’s change', async () => {
    const view = openT1();
    view.backend.handlers['tasks.update'] = () => {
      throw new BackendError('dependency_cycle', 'task t1 would depend on itself', 409);
    };
    const input = await dependencyInput();
    await userEvent.click(input);
    await userEvent.click(await screen.findByRole('option', { name: 'Write fixtures' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/would make a cycle/)).toBeInTheDocument();
    expect(screen.queryByText(/Someone else changed this task/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled(); // the edit is kept
  });
});
