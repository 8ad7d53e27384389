// What the renderer needs from its host: commands, the event stream, and connection state.
// HttpBackend (browser: fetch + EventSource) and IpcBackend (desktop: preload bridge) implement it,
// so the store and every component run the same code in both.
import type { CommandInput, CommandName, CommandOutput } from '../../shared/commands.ts';
import type { StreamEvent } from '../../shared/events.ts';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface Backend {
  /** Runs a command; rejects with a BackendError carrying the API's error code and message. */
  invoke<C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>>;
  /**
   * Follows the event stream from `lastEventId` (events after it, in id order, no gap, no
   * duplicate; a `reset` event when the host cannot continue from there). Returns the unsubscribe.
   */
  subscribe(
    lastEventId: number,
    onEvent: (event: StreamEvent) => void,
    onState: (state: ConnectionState) => void,
  ): () => void;
}

export class BackendError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  constructor(code: string, message: string, status = 0, details?: unknown) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}
