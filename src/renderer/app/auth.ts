// Browser token flow: a `#token=` link or a typed token is traded for an HttpOnly cookie, then forgotten.
import { BackendError } from '../backend/backend.ts';
import { httpRequest } from '../backend/http-backend.ts';

export interface AuthDeps {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  fetch: typeof fetch;
}

const browserDeps = (): AuthDeps => ({
  location: window.location,
  history: window.history,
  fetch: (...args) => fetch(...args),
});

/** Trades a token for the session cookie; rejects with the server's message when it is refused. */
export async function submitToken(token: string, deps: AuthDeps = browserDeps()): Promise<void> {
  await httpRequest(deps.fetch, '/api/auth/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: token.trim() }),
  });
}

/** Takes a `#token=` from the URL (removing it at once), then tells whether the cookie is valid. */
export async function establishSession(deps: AuthDeps = browserDeps()): Promise<'ok' | 'needed'> {
  const params = new URLSearchParams(deps.location.hash.replace(/^#/, ''));
  const token = params.get('token');
  if (token !== null) {
    // Out of the address bar and history before anything else can read or share it.
    params.delete('token');
    const rest = params.toString();
    deps.history.replaceState(
      null,
      '',
      `${deps.location.pathname}${deps.location.search}${rest ? `#${rest}` : ''}`,
    );
    try {
      await submitToken(token, deps);
    } catch {
      return 'needed';
    }
  }
  try {
    await httpRequest(deps.fetch, '/api/auth/session', { method: 'GET' });
    return 'ok';
  } catch (error) {
    if (error instanceof BackendError && error.status === 401) return 'needed';
    throw error;
  }
}
