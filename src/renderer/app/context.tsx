// React access to the store and the controller: components select from the store and call commands.
import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { BoardState, BoardStore } from '../store/store.ts';
import type { Controller } from './bootstrap.ts';

interface BoardContextValue {
  store: BoardStore;
  controller: Controller;
}

const BoardContext = createContext<BoardContextValue | null>(null);

export function BoardProvider(props: BoardContextValue & { children: ReactNode }) {
  const { store, controller, children } = props;
  return <BoardContext.Provider value={{ store, controller }}>{children}</BoardContext.Provider>;
}

const useBoardContext = () => {
  const value = useContext(BoardContext);
  if (!value) throw new Error('BoardProvider is missing');
  return value;
};

export function useBoard<T>(selector: (state: BoardState) => T): T {
  return useStore(useBoardContext().store, selector);
}

export const useBoardStore = () => useBoardContext().store;
export const useController = () => useBoardContext().controller;
