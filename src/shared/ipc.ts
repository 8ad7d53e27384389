// The desktop bridge the preload script exposes as `window.missionControl` (contextBridge).
// Narrow on purpose: commands from the allow-list below, the event feed, app info, and two
// desktop-only actions (reveal/open a deliverable, be told to open a task).
// The sandboxed preload imports this file: its bundle carries the operation table (and zod) with it.
import type { ApiErrorBody } from './api.ts';
import type { DomainEvent, StreamEvent } from './events.ts';
import { OPERATION_NAMES, OPERATIONS, type OperationName } from './operations/index.ts';

export type BridgeResult<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; status: number; error: ApiErrorBody['error'] };

export interface AppInfo {
  version: string;
  /** The agent API's base URL, e.g. http://127.0.0.1:4000 (the port may not be 4000 if it was busy). */
  apiUrl: string;
}

/** What a deliverable "open" did: a URL went to the OS browser, a file was shown in its folder. */
export type OpenOutcome = 'opened-url' | 'revealed-file';

export interface MissionControlBridge {
  /** Errors come back as values (`ok: false`), so the renderer sees the API's code and message. */
  invoke(command: OperationName, input: unknown): Promise<BridgeResult>;
  /** Live domain events pushed by main, with their ids; returns the unsubscribe. */
  onEvent(listener: (event: DomainEvent) => void): () => void;
  /**
   * Stored events after `lastEventId`, oldest first, at most EVENTS_PAGE of them (call again
   * while a full page comes back), or a single `reset` when the log cannot continue from there.
   */
  eventsAfter(lastEventId: number): Promise<StreamEvent[]>;
  info(): Promise<AppInfo>;
  /** Opens a stored deliverable by id: main reads its path itself, the renderer never names one. */
  openDeliverable(taskId: string, deliverableId: string): Promise<BridgeResult<OpenOutcome>>;
  /** Main asks the board to open a task (a notification was clicked); returns the unsubscribe. */
  onOpenTask(listener: (taskId: string) => void): () => void;
}

/** IPC channel names, shared by main and preload. */
export const IPC_CHANNELS = {
  invoke: 'mc:invoke',
  event: 'mc:event',
  eventsAfter: 'mc:events-after',
  info: 'mc:info',
  openDeliverable: 'mc:open-deliverable',
  openTask: 'mc:open-task',
} as const;

/** Most events one `eventsAfter` call returns. */
export const EVENTS_PAGE = 1000;

/** The operations the desktop window may send: those whose table entry offers IPC. */
export const BRIDGE_COMMANDS: ReadonlySet<string> = new Set(
  OPERATION_NAMES.filter((name) => OPERATIONS[name].ipc === true),
);

export const isBridgeCommand = (value: unknown): value is OperationName =>
  typeof value === 'string' && BRIDGE_COMMANDS.has(value);
