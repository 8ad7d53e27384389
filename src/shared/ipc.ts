// The desktop bridge the preload script exposes as `window.missionControl` (contextBridge).
// Narrow on purpose: commands from the allow-list in commands.ts, the event feed, and app info.
import type { ApiErrorBody } from './api.ts';
import type { CommandName } from './commands.ts';
import type { DomainEvent, StreamEvent } from './events.ts';

export type BridgeResult =
  | { ok: true; value: unknown }
  | { ok: false; status: number; error: ApiErrorBody['error'] };

export interface AppInfo {
  version: string;
  /** The agent API's base URL, e.g. http://127.0.0.1:4000 (the port may not be 4000 if it was busy). */
  apiUrl: string;
}

export interface MissionControlBridge {
  /** Errors come back as values (`ok: false`), so the renderer sees the API's code and message. */
  invoke(command: CommandName, input: unknown): Promise<BridgeResult>;
  /** Live domain events pushed by main, with their ids; returns the unsubscribe. */
  onEvent(listener: (event: DomainEvent) => void): () => void;
  /** Stored events after `lastEventId` (or a single `reset`), to resume without a gap. */
  eventsAfter(lastEventId: number): Promise<StreamEvent[]>;
  info(): Promise<AppInfo>;
}

/** IPC channel names, shared by main and preload. */
export const IPC_CHANNELS = {
  invoke: 'mc:invoke',
  event: 'mc:event',
  eventsAfter: 'mc:events-after',
  info: 'mc:info',
} as const;
