// The desktop bridge the preload script exposes as `window.missionControl` (contextBridge).
// Narrow on purpose: commands from the allow-list below, the event feed, app info, and two
// desktop-only actions (reveal/open a deliverable, be told to open a task).
// No zod here: the sandboxed preload imports this file and cannot load npm packages.
import type { ApiErrorBody } from './api.ts';
import type { AnyCommandName } from './commands.ts';
import type { DomainEvent, StreamEvent } from './events.ts';

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
  invoke(command: AnyCommandName, input: unknown): Promise<BridgeResult>;
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

/**
 * The commands the desktop window may send: every board and server command today;
 * `satisfies` makes the compiler flag a new command until someone decides here whether the
 * window may send it.
 */
const BRIDGE_COMMAND_FLAGS = {
  snapshot: true,
  'tasks.create': true,
  'tasks.update': true,
  'tasks.delete': true,
  'activities.list': true,
  'activities.create': true,
  'deliverables.list': true,
  'deliverables.create': true,
  'sessions.list': true,
  'sessions.register': true,
  'sessions.update': true,
  'agents.create': true,
  'agents.update': true,
  'agents.delete': true,
  // Server commands: the window is the owner's (the LAN switch and device tokens live there).
  'remote.status': true,
  'remote.set': true,
  'devices.list': true,
  'devices.create': true,
  'devices.revoke': true,
} as const satisfies Record<AnyCommandName, boolean>;

export const BRIDGE_COMMANDS: ReadonlySet<string> = new Set(
  Object.entries(BRIDGE_COMMAND_FLAGS)
    .filter(([, allowed]) => allowed)
    .map(([name]) => name),
);

export const isBridgeCommand = (value: unknown): value is AnyCommandName =>
  typeof value === 'string' && BRIDGE_COMMANDS.has(value);
