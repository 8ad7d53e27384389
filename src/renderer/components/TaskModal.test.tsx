import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BackendError } from '../backend/backend.ts';
import { renderBoard } from '../render-board.tsx';
import { emptyBoard } from '../store/board-data.ts';
import { aComment, aSession, aTask } from '../test-fixtures.ts';
import { TaskModal } from './TaskModal.tsx';

const open = () => ({
  data: { ...emptyBoard(), tasks: { t1: aTask() }, activities: { t1: [] }, deliverables: { t1: [] } },
});

const withOpenTask = (state = {}) => {
  const view = renderBoard(<TaskModal />, { ...open(), ...state });
  act(() => view.store.setState((s) => ({ ui: { ...s.ui, openTaskId: 't1' } })));
  return view;
};

/** The Overview's five inputs (a Select's label also names its listbox: keep the input). */
const overviewFields = async () => {
  await screen.findByLabelText(/Title/);
  const fields = [/Title/, 'Description', 'Status', 'Priority', 'Assignee'].map((label) =>
    screen
      .getAllByLabelText(label)
      .find((el) => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement),
  );
  expect(fields.every(Boolean)).toBe(true);
  return fields;
};

describe('TaskModal', () => {
  it('updates the Deliverables and Sessions tabs live', async () => {
    const { store } = withOpenTask();
    await userEvent.click(await screen.findByRole('tab', { name: /Deliverables/ }));
    // The tabs after the Overview load on first use.
    expect(await screen.findByText('No deliverables yet.')).toBeInTheDocument();
    act(() =>
      store.setState((s) => ({
        data: {
          ...s.data,
          deliverables: {
            t1: [
              {
                id: 'd1',
                task_id: 't1',
                deliverable_type: 'url',
                title: 'PR',
                path: 'https://example.com/pr',
                description: null,
                metadata: null,
                created_at: '2026-01-31T12:00:00.000Z',
              },
              {
                id: 'd2',
                task_id: 't1',
                deliverable_type: 'file',
                title: 'Report',
                path: '/tmp/report.md',
                description: null,
                metadata: null,
                created_at: '2026-01-31T12:00:01.000Z',
              },
            ],
          },
        },
      })),
    );
    const link = screen.getByRole('link', { name: 'PR' });
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByText('/tmp/report.md')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy path' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: /Sessions/ }));
    await screen.findByText('No sub-agent sessions yet.');
    act(() => store.setState((s) => ({ data: { ...s.data, sessions: { s1: aSession() } } })));
    expect(screen.getByTestId('session-row')).toHaveAttribute('data-session-status', 'active');
  });

  it('names status and priority the same way (In Progress, Urgent)', async () => {
    withOpenTask({
      data: { ...open().data, tasks: { t1: aTask({ status: 'in_progress', priority: 'urgent' }) } },
    });
    const [, , status, priority] = await overviewFields();
    expect((status as HTMLInputElement).value).toBe('In Progress');
    expect((priority as HTMLInputElement).value).toBe('Urgent');
  });

  it('explains a 409 kindly and keeps the edits', async () => {
    const { backend } = withOpenTask();
    backend.handlers['tasks.update'] = () => {
      throw new BackendError('version_conflict', 'Task t1 is at version 2', 409);
    };
    const title = await screen.findByLabelText(/Title/);
    await userEvent.clear(title);
    await userEvent.type(title, 'My edit');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('Someone else changed this task while you were editing'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Title/)).toHaveValue('My edit');
    expect(backend.calls.at(-1)?.input).toMatchObject({ id: 't1', expected_version: 1 });
  });

  it('follows the server while nothing is being edited', async () => {
    const { store } = withOpenTask();
    await screen.findByLabelText(/Title/);
    act(() =>
      store.setState((s) => ({
        data: { ...s.data, tasks: { t1: aTask({ title: 'Renamed by agent', version: 2 }) } },
      })),
    );
    expect(screen.getByLabelText(/Title/)).toHaveValue('Renamed by agent');
  });

  it('shows a read-only session the Overview fields disabled, with nothing to save', async () => {
    withOpenTask({ access: { scope: 'read', deviceId: 'dev1' } });
    for (const field of await overviewFields()) expect(field).toBeDisabled();
    expect(screen.getByLabelText(/Title/)).toHaveValue('Write the parser');
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });

  it('leaves the Overview fields editable for a session that may write', async () => {
    withOpenTask();
    for (const field of await overviewFields()) expect(field).toBeEnabled();
  });

  it('offers the review decision while the task is in review, and hides it after', async () => {
    const { backend, store } = withOpenTask();
    expect(screen.queryByTestId('review-bar')).not.toBeInTheDocument();
    act(() =>
      store.setState((s) => ({
        data: { ...s.data, tasks: { t1: aTask({ status: 'review', version: 2 }) } },
      })),
    );
    backend.handlers['tasks.review'] = () => aTask({ status: 'done', version: 3 });
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(backend.calls.at(-1)).toEqual({
      command: 'tasks.review',
      input: { id: 't1', decision: 'approve', comment: null },
    });
    expect(screen.queryByTestId('review-bar')).not.toBeInTheDocument();
  });

  it('has a Conversation tab with the comment count', async () => {
    withOpenTask({
      data: { ...open().data, comments: { t1: [aComment({ agent_id: null, author: 'operator' })] } },
    });
    await userEvent.click(await screen.findByRole('tab', { name: /Conversation/ }));
    expect(screen.getByRole('tab', { name: /Conversation/ })).toHaveTextContent('1');
    expect(await screen.findByRole('article', { name: 'You wrote' })).toBeInTheDocument();
  });
});
