import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogLine } from '../../../shared/logs.ts';
import type { Backend, LogFollowHandlers } from '../../backend/backend.ts';
import { FakeBackend } from '../../fake-backend.ts';
import { renderBoard } from '../../render-board.tsx';
import { emptyBoard } from '../../store/board-data.ts';
import { aSession, aTask } from '../../test-fixtures.ts';
import { SessionList } from '../SessionList.tsx';

const at = '2026-01-01T00:00:00.000Z';
const line = (seq: number, text: string, stream: LogLine['stream'] = 'stdout'): LogLine => ({
  seq,
  stream,
  text,
  at,
});

/** A browser-like backend whose log stream the test drives. */
function streamingBackend() {
  const backend = new FakeBackend();
  const follows: Array<{ sessionId: string; tail: number; handlers: LogFollowHandlers; closed: boolean }> =
    [];
  (backend as Backend).followLog = (sessionId, tail, handlers) => {
    const follow = { sessionId, tail, handlers, closed: false };
    follows.push(follow);
    handlers.onState?.('live');
    return () => {
      follow.closed = true;
    };
  };
  return { backend, follows };
}

function show(backend: FakeBackend) {
  const view = renderBoard(
    <SessionList />,
    {
      data: {
        ...emptyBoard(),
        tasks: { t1: aTask() },
        sessions: { s1: aSession({ id: 's1', agent_name: 'Builder' }) },
      },
    },
    backend,
  );
  act(() => view.store.setState((s) => ({ ui: { ...s.ui, openTaskId: 't1' } })));
  return view;
}

const rows = () => screen.queryAllByTestId('log-line');
afterEach(() => vi.restoreAllMocks());

describe('the session log viewer', () => {
  it('opens on a click, shows the last lines with their colours as spans, then new ones live', async () => {
    const { backend, follows } = streamingBackend();
    show(backend);
    fireEvent.click(screen.getByRole('row', { name: /Builder: show its log/ }));
    const viewer = await screen.findByTestId('log-viewer');
    expect(follows).toHaveLength(1);
    expect(follows[0]).toMatchObject({ sessionId: 's1', tail: 1000 });
    act(() =>
      follows[0]?.handlers.onLines([line(1, '\u001b[32mok\u001b[0m build <b>'), line(2, 'boom', 'stderr')]),
    );
    await waitFor(() => expect(rows()).toHaveLength(2));
    const first = rows()[0] as HTMLElement;
    expect(first).toHaveTextContent('1ok build <b>');
    expect(within(first).getByText('ok')).toHaveClass('log-fg-green');
    expect(first.querySelector('b')).toBeNull(); // text, never markup
    expect(rows()[1]).toHaveClass('log-stderr');

    act(() => follows[0]?.handlers.onLines([line(3, 'live')]));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(within(viewer).getByText('3 lines')).toBeInTheDocument();
    act(() => follows[0]?.handlers.onEnded?.());
    expect(await within(viewer).findByText('ended')).toBeInTheDocument();

    // A second click closes it, and its stream.
    fireEvent.click(screen.getByRole('row', { name: /Builder: show its log/ }));
    await waitFor(() => expect(screen.queryByTestId('log-viewer')).toBeNull());
    expect(follows[0]?.closed).toBe(true);
  });

  it('finds matches, marks them, and steps through them', async () => {
    const { backend, follows } = streamingBackend();
    show(backend);
    fireEvent.click(screen.getByRole('row', { name: /Builder/ }));
    await screen.findByTestId('log-viewer');
    act(() => follows[0]?.handlers.onLines([line(1, 'error: one'), line(2, 'fine'), line(3, 'ERROR two')]));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.change(screen.getByLabelText('Find in log'), { target: { value: 'error' } });
    await waitFor(() => expect(screen.getByTestId('log-find-count')).toHaveTextContent('1 / 2'));
    const marks = () => Array.from(document.querySelectorAll('mark.log-match'));
    expect(marks().map((m) => m.textContent)).toEqual(['error', 'ERROR']);
    expect(marks()[0]).toHaveClass('log-match-current');
    fireEvent.click(screen.getByLabelText('Next match'));
    expect(screen.getByTestId('log-find-count')).toHaveTextContent('2 / 2');
    expect(marks()[1]).toHaveClass('log-match-current');
    expect(screen.getByRole('switch', { name: 'Follow' })).not.toBeChecked();
    fireEvent.keyDown(screen.getByLabelText('Find in log'), { key: 'Enter' });
    expect(screen.getByTestId('log-find-count')).toHaveTextContent('1 / 2');
  });

  it('copies every line as plain text', async () => {
    const { backend, follows } = streamingBackend();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    show(backend);
    fireEvent.click(screen.getByRole('row', { name: /Builder/ }));
    await screen.findByTestId('log-viewer');
    act(() => follows[0]?.handlers.onLines([line(1, '\u001b[31mred\u001b[0m'), line(2, 'two')]));
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Copy all' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('red\ntwo'));
  });

  it('reads the log again and again where the host has no stream (desktop)', async () => {
    const backend = new FakeBackend();
    const log = [line(1, 'a'), line(2, 'b')];
    backend.handlers['logs.list'] = (input) => {
      const { after_seq = 0, limit = 1000 } = input as { after_seq?: number; limit?: number };
      const last_seq = log.at(-1)?.seq ?? 0;
      if (limit === 1 && after_seq === 0) return { lines: log.slice(0, 1), last_seq };
      return { lines: log.filter((l) => l.seq > after_seq).slice(0, limit), last_seq };
    };
    show(backend);
    fireEvent.click(screen.getByRole('row', { name: /Builder/ }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    log.push(line(3, 'c'));
    await waitFor(() => expect(rows()).toHaveLength(3), { timeout: 2000 });
    expect(rows().map((r) => r.getAttribute('data-seq'))).toEqual(['1', '2', '3']);
  });
});
