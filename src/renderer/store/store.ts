// The one renderer store (Zustand): server-mirrored board data plus connection, optimistic and UI slices.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AttentionItem, Task } from '../../shared/entities.ts';
import type { TaskPriority } from '../../shared/enums.ts';
import type { ConnectionState } from '../backend/backend.ts';
import { type BoardData, emptyBoard } from './board-data.ts';

type AuthState = 'checking' | 'needed' | 'ok';

/** Browser notifications: `unsupported` on the desktop (main notifies) or without the API; `blocked` by the browser. */
export type WebNotifications = 'unsupported' | 'off' | 'on' | 'blocked';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  title: string;
  message: string;
}

export interface BoardState {
  /** Mirrors the server; changed only by the bootstrap (snapshot, events, command answers). */
  data: BoardData;
  /** True once the first snapshot is in. */
  loaded: boolean;
  connection: ConnectionState;
  auth: AuthState;
  /** Moves shown before the server confirms them; removed on answer (success or refusal). */
  optimistic: Record<string, Pick<Task, 'status'>>;
  /** What needs a person now (`GET /api/attention`), refetched when an event may change it. */
  attention: { items: AttentionItem[]; loaded: boolean };
  webNotifications: WebNotifications;
  /** Task caches being loaded. */
  loading: Record<string, boolean>;
  ui: {
    search: string;
    agentFilter: string | null;
    priorityFilter: TaskPriority | null;
    openTaskId: string | null;
    createOpen: boolean;
    feedOpen: boolean;
    /** The task whose "request changes" composer is open from its card (one dialog for the board). */
    changesFor: string | null;
    /** The command palette (Ctrl/Cmd-K). */
    paletteOpen: boolean;
    /** The open task's tab (`overview`, `activity`…); a search hit opens the one it was found in. */
    taskTab: string;
    /** The session whose log the Sessions tab shows first (a search hit in a log line). */
    logSessionId: string | null;
    /** The line of that log to scroll to and mark (a search hit's seq). */
    logSeq: number | null;
  };
  notices: Notice[];
  /** What this session may do: a read-only device token sees the board without write controls. */
  access: { scope: 'read' | 'write'; deviceId: string | null };
  /** What the host offers beyond commands (desktop: the API's real URL, deliverables opened by main). */
  host: {
    /** The desktop's agent API URL; null in a browser (the page's origin is the API), '' if it could not start. */
    apiUrl: string | null;
    canOpenDeliverables: boolean;
  };
}

const initialState = (): BoardState => ({
  data: emptyBoard(),
  loaded: false,
  connection: 'connecting',
  auth: 'checking',
  optimistic: {},
  attention: { items: [], loaded: false },
  webNotifications: 'unsupported',
  loading: {},
  ui: {
    search: '',
    agentFilter: null,
    priorityFilter: null,
    openTaskId: null,
    createOpen: false,
    feedOpen: false,
    changesFor: null,
    paletteOpen: false,
    taskTab: 'overview',
    logSessionId: null,
    logSeq: null,
  },
  notices: [],
  access: { scope: 'write', deviceId: null },
  host: { apiUrl: null, canOpenDeliverables: false },
});

export type BoardStore = StoreApi<BoardState>;

export const createBoardStore = (state: Partial<BoardState> = {}): BoardStore =>
  createStore<BoardState>()(() => ({ ...initialState(), ...state }));

export const setUi = (store: BoardStore, patch: Partial<BoardState['ui']>) =>
  store.setState((s) => ({ ui: { ...s.ui, ...patch } }));

let noticeSeq = 0;
export function notify(store: BoardStore, notice: Omit<Notice, 'id'>, ttlMs = 8_000): number {
  const id = ++noticeSeq;
  store.setState((s) => ({ notices: [...s.notices.slice(-4), { ...notice, id }] }));
  if (ttlMs > 0) setTimeout(() => dismiss(store, id), ttlMs);
  return id;
}

export const dismiss = (store: BoardStore, id: number) =>
  store.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
