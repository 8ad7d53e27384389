import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AttentionItem } from '../../shared/entities.ts';
import { renderBoard } from '../render-board.tsx';
import { emptyBoard } from '../store/board-data.ts';
import type { BoardState } from '../store/store.ts';
import { anAgent, anAttentionItem, aTask } from '../test-fixtures.ts';
import { AttentionBell } from './AttentionBell.tsx';

const review = anAttentionItem();
const expired = anAttentionItem({
  key: 'lease_expired:t2',
  kind: 'lease_expired',
  task_id: 't2',
  message: '"Crawl" was handed back: its lease expired',
});

const withItems = (items: AttentionItem[], state: Partial<BoardState> = {}) => {
  const view = renderBoard(<AttentionBell />, {
    data: {
      ...emptyBoard(),
      tasks: {
        t1: aTask({ status: 'review', assigned_agent_id: 'a1' }),
        t2: aTask({ id: 't2', title: 'Crawl' }),
      },
      agents: { a1: anAgent(), a2: anAgent({ id: 'a2', name: 'Grace', presence: 'online' }) },
    },
    attention: { items, loaded: true },
    ...state,
  });
  view.backend.handlers['tasks.review'] = () => aTask({ status: 'done', version: 2 });
  view.backend.handlers['tasks.update'] = () => aTask({ id: 't2', status: 'assigned', version: 2 });
  view.backend.handlers['attention.dismiss'] = (input) => input;
  return view;
};

const openBell = async () => {
  await userEvent.click(screen.getByTestId('attention-bell'));
  return screen.findByTestId('attention-panel');
};
const itemOf = (key: string) =>
  screen.getAllByTestId('attention-item').find((el) => el.dataset.key === key) as HTMLElement;

describe('AttentionBell', () => {
  it('counts the items and follows the list live', () => {
    const { store } = withItems([review]);
    expect(screen.getByTestId('attention-bell')).toHaveAccessibleName('Needs you: 1');
    expect(screen.getByTestId('attention-count')).toHaveTextContent('1');
    act(() => store.setState({ attention: { items: [review, expired], loaded: true } }));
    expect(screen.getByTestId('attention-count')).toHaveTextContent('2');
  });

  it('says so when nothing needs you', async () => {
    withItems([]);
    expect(screen.getByTestId('attention-bell')).toHaveAccessibleName('Needs you: nothing');
    expect(await openBell()).toHaveTextContent('Nothing needs you right now.');
  });

  it('approves a review item in one click and drops it from the list', async () => {
    const { backend, store } = withItems([review]);
    await openBell();
    await userEvent.click(within(itemOf('review:t1')).getByRole('button', { name: 'Approve' }));
    expect(backend.calls.at(-1)).toEqual({
      command: 'tasks.review',
      input: { id: 't1', decision: 'approve', comment: null },
    });
    expect(store.getState().data.tasks.t1?.status).toBe('done');
    expect(screen.queryByTestId('attention-item')).not.toBeInTheDocument();
  });

  it('asks for a comment inline before requesting changes', async () => {
    const { backend } = withItems([review]);
    backend.handlers['tasks.review'] = () => aTask({ status: 'assigned', version: 2 });
    await openBell();
    await userEvent.click(within(itemOf('review:t1')).getByRole('button', { name: 'Request changes' }));
    const form = screen.getByTestId('request-changes-form');
    expect(within(form).getByRole('button', { name: 'Request changes' })).toBeDisabled();
    await userEvent.type(within(form).getByLabelText(/What should change/), 'Add a test');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(backend.calls.at(-1)?.input).toEqual({
      id: 't1',
      decision: 'request_changes',
      comment: 'Add a test',
    });
  });

  it('reassigns a task whose lease expired, then clears its item', async () => {
    const { backend } = withItems([expired]);
    await openBell();
    await userEvent.click(within(itemOf('lease_expired:t2')).getByRole('button', { name: 'Reassign' }));
    await userEvent.click(screen.getByRole('combobox', { name: 'Assign to' }));
    await userEvent.click(await screen.findByRole('option', { name: /Grace/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    const commands = backend.calls.map((c) => c.command);
    expect(commands.slice(-2)).toEqual(['tasks.update', 'attention.dismiss']);
    expect(backend.calls.at(-2)?.input).toEqual({
      id: 't2',
      changes: { assigned_agent_id: 'a2', status: 'assigned' },
      expected_version: 1,
    });
  });

  it('opens the task and closes the list; dismisses an item', async () => {
    const { store, backend } = withItems([review, expired]);
    await openBell();
    await userEvent.click(within(itemOf('lease_expired:t2')).getByRole('button', { name: 'Dismiss' }));
    expect(backend.calls.at(-1)).toEqual({
      command: 'attention.dismiss',
      input: { key: 'lease_expired:t2' },
    });
    expect(screen.getAllByTestId('attention-item')).toHaveLength(1);
    await userEvent.click(within(itemOf('review:t1')).getByRole('button', { name: 'Open' }));
    expect(store.getState().ui.openTaskId).toBe('t1');
  });

  it('offers a read-only device only Open', async () => {
    withItems([review, expired], { access: { scope: 'read', deviceId: 'dev1' } });
    await openBell();
    for (const item of screen.getAllByTestId('attention-item'))
      expect(
        within(item)
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['Open']);
  });
});
