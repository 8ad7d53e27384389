// Serves the built renderer over a private app:// scheme, with the desktop CSP on every response.
// Preferred over file:// (no ambient file access, a real origin to check senders against) and over
// the embedded HTTP server (the window works even when no port could be bound).
import { protocol } from 'electron';
import { APP_SCHEME, rendererHandler } from './renderer-files.ts';

export { APP_URL, DESKTOP_CSP, rendererHandler } from './renderer-files.ts';

/** Must run before `app.whenReady()`: the scheme gets a standard, secure origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(root: string): () => void {
  protocol.handle(APP_SCHEME, rendererHandler(root));
  return () => protocol.unhandle(APP_SCHEME);
}
