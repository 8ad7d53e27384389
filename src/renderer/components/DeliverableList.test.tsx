import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { OpenOutcome } from '../../shared/ipc.ts';
import { BackendError } from '../backend/backend.ts';
import { FakeBackend } from '../fake-backend.ts';
import { renderBoard } from '../render-board.tsx';
import { emptyBoard } from '../store/board-data.ts';
import { aDeliverable, aTask } from '../test-fixtures.ts';
import { DeliverableList } from './DeliverableList.tsx';
import { Notices } from './Notices.tsx';

const state = () => ({
  data: {
    ...emptyBoard(),
    tasks: { t1: aTask() },
    deliverables: {
      t1: [
        aDeliverable({ id: 'd1', deliverable_type: 'url', title: 'PR', path: 'https://example.com/pr' }),
        aDeliverable({ id: 'd2', deliverable_type: 'file', title: 'Report', path: '/tmp/report.md' }),
      ],
    },
  },
});

/** A desktop host whose main answers `answer` (or refuses with its message) and records what it opened. */
const desktop = (answer: (deliverableId: string) => OpenOutcome) => {
  const backend = new FakeBackend();
  const opened: string[] = [];
  backend.openDeliverable = async (taskId, deliverableId) => {
    opened.push(`${taskId}/${deliverableId}`);
    return answer(deliverableId);
  };
  return { backend, opened };
};

const view = (backend = new FakeBackend()) =>
  renderBoard(
    <>
      <DeliverableList taskId="t1" />
      <Notices />
    </>,
    state(),
    backend,
  );

describe('DeliverableList', () => {
  it('in a browser, opens URLs in a new tab without opener and offers the file path to copy', () => {
    view();
    const link = screen.getByRole('link', { name: 'PR' });
    expect(link).toHaveAttribute('href', 'https://example.com/pr');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(fireEvent.click(link)).toBe(true); // the browser follows the link itself
    expect(screen.getByRole('button', { name: 'Copy path' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show in folder' })).not.toBeInTheDocument();
  });

  it('on the desktop, shows a file in its folder and sends a URL to main', async () => {
    const { backend, opened } = desktop((id) => (id === 'd1' ? 'opened-url' : 'revealed-file'));
    view(backend);
    await userEvent.click(screen.getByRole('button', { name: 'Show in folder' }));
    // The window's own navigation is cancelled: main opens the link in the OS browser instead.
    expect(fireEvent.click(screen.getByRole('link', { name: 'PR' }))).toBe(false);
    expect(opened).toEqual(['t1/d2', 't1/d1']);
    expect(screen.getByRole('button', { name: 'Copy path' })).toBeInTheDocument();
    expect(screen.queryByTestId('notice')).not.toBeInTheDocument();
  });

  it('on the desktop, says why main refused to show a file', async () => {
    const { backend, opened } = desktop(() => {
      throw new BackendError('open_refused', 'The file does not exist: /tmp/report.md', 422);
    });
    view(backend);
    await userEvent.click(screen.getByRole('button', { name: 'Show in folder' }));
    const notice = await screen.findByTestId('notice');
    expect(notice).toHaveTextContent('Could not open “Report”');
    expect(notice).toHaveTextContent('The file does not exist: /tmp/report.md');
    expect(opened).toEqual(['t1/d2']);
  });
});
