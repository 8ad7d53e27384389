// Wire-level constants shared by the server and its clients.
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export const API_HEADERS = {
  idempotencyKey: 'idempotency-key',
  ifMatch: 'if-match',
  lastEventId: 'last-event-id',
} as const;

export const SESSION_COOKIE = 'mc_session';
export const DEFAULT_PORT = 4000;
