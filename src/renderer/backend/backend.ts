// What the renderer needs from its host: commands, the event stream, and connection state.
// HttpBackend (browser: fetch + EventSource) and IpcBackend (desktop: preload bridge) implement it,
// so the store and every component run the same code in both.
import type { StreamEvent } from '../../shared/events.ts';
import type { AppInfo, OpenOutcome } from '../../shared/ipc.ts';
import type { LogLine } from '../../shared/logs.ts';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/operations/index.ts';
import type { SessionInfo } from '../../shared/remote.ts';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface LogFollowHandlers {
  /** New lines in seq order, none twice (across reconnects too). */
  onLines(lines: LogLine[]): void;
  onState?(state: ConnectionState): void;
  /** The session has ended (the lines it wrote before are in). */
  onEnded?(): void;
  /** The log cannot be followed (an unknown session, a refusal): no retry follows. */
  onError?(error: BackendError): void;
}

export interface Backend {
  /**
   * Runs an operation of the table (the board's, or a server one such as `remote.set` that only
   * the owner may send); rejects with a BackendError carrying the API's error code and message.
   */
  invoke<N extends OperationName>(command: N, input: OperationInput<N>): Promise<OperationOutput<N>>;
  /**
   * Follows the event stream from `lastEventId` (events after it, in id order, no gap, no
   * duplicate; a `reset` event when the host cannot continue from there). Returns the unsubscribe.
   */
  subscribe(
    lastEventId: number,
    onEvent: (event: StreamEvent) => void,
    onState: (state: ConnectionState) => void,
  ): () => void;
  /**
   * Follows a session's log: its last `tail` lines (or, given `after`, every line after that seq),
   * then each new one. The browser's is the SSE log stream; without it (desktop) the controller
   * reads `logs.list` again and again.
   */
  followLog?(sessionId: string, tail: number, handlers: LogFollowHandlers, after?: number): () => void;
  /**
   * Browser only: who this session is (the owner, or a device and its scope). Rejects with 401 once
   * the token behind the cookie is revoked. The desktop window is always the owner, so it has none.
   */
  session?(): Promise<SessionInfo>;
  /**
   * Desktop only: reveals a file deliverable in its folder or opens a URL one in the OS browser
   * (main reads the path itself and checks it). Rejects with a BackendError when main refuses.
   */
  openDeliverable?(taskId: string, deliverableId: string): Promise<OpenOutcome>;
  /** Desktop only: the app version and the agent API's real URL (its port may not be 4000). */
  info?(): Promise<AppInfo>;
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
