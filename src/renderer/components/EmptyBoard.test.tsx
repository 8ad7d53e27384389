import { screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useBoard } from '../app/context.tsx';
import { FakeBackend } from '../fake-backend.ts';
import { renderBoard } from '../render-board.tsx';
import { ApiUrlChip } from './ApiUrlChip.tsx';
import { EmptyBoard } from './EmptyBoard.tsx';

let stop = () => {};
afterEach(() => stop());

/** Like App: the empty state shows once the first snapshot is in, and must be right from then on. */
function WhenLoaded({ children }: { children: ReactNode }) {
  return useBoard((s) => s.loaded) ? children : null;
}

/** Renders the empty state and the header chip over `backend`, started through the bootstrap like the app. */
const start = async (backend: FakeBackend, origin: string) => {
  const view = renderBoard(
    <WhenLoaded>
      <ApiUrlChip />
      <EmptyBoard origin={origin} />
    </WhenLoaded>,
    { loaded: false },
    backend,
  );
  stop = view.controller.start();
  await screen.findByTestId('empty-board');
  return view;
};

const desktop = (apiUrl: string) => {
  const backend = new FakeBackend();
  backend.info = async () => ({ version: '1.0.0', apiUrl });
  return backend;
};

describe('EmptyBoard and the API URL', () => {
  it('on the desktop, shows the API URL main reports (not the app:// page) in the curl line and the header', async () => {
    await start(desktop('http://127.0.0.1:4123'), 'app://mission-control');
    const empty = screen.getByTestId('empty-board');
    expect(empty).toHaveTextContent('curl -X POST http://127.0.0.1:4123/api/tasks');
    expect(empty).not.toHaveTextContent('app://');
    expect(screen.getByTestId('api-url')).toHaveTextContent('API: http://127.0.0.1:4123');
  });

  it('in a browser, uses the page origin and shows no API chip', async () => {
    await start(new FakeBackend(), 'http://192.168.1.20:4000');
    expect(screen.getByTestId('empty-board')).toHaveTextContent(
      'curl -X POST http://192.168.1.20:4000/api/tasks',
    );
    expect(screen.queryByTestId('api-url')).not.toBeInTheDocument();
  });

  it('on the desktop, says so when the API could not start instead of showing a wrong URL', async () => {
    await start(desktop(''), 'app://mission-control');
    expect(screen.getByTestId('empty-board')).toHaveTextContent('The agent API is not running');
    expect(screen.getByTestId('empty-board')).not.toHaveTextContent('curl');
    expect(screen.queryByTestId('api-url')).not.toBeInTheDocument();
  });
});
