// Renders components the way the app does (Mantine + store + controller) over a FakeBackend.
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createController } from './app/bootstrap.ts';
import { BoardProvider } from './app/context.tsx';
import { FakeBackend } from './fake-backend.ts';
import { type BoardState, createBoardStore } from './store/store.ts';

export function renderBoard(ui: ReactNode, state: Partial<BoardState> = {}, backend = new FakeBackend()) {
  const store = createBoardStore({ auth: 'ok', loaded: true, ...state });
  const controller = createController(backend, store);
  const view = render(
    <MantineProvider env="test">
      <BoardProvider store={store} controller={controller}>
        {ui}
      </BoardProvider>
    </MantineProvider>,
  );
  return { ...view, backend, store, controller };
}
