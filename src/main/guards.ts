// Locks a window's web contents down: no navigation, no new windows, no webviews, no permissions.
import type { Session, WebContents } from 'electron';
import { openWebUrl } from './external.ts';

/**
 * `origin` is the one origin the window may show (app://mission-control, or the dev server's).
 * Links elsewhere never load in the app: http(s) ones open in the OS browser, the rest are dropped.
 */
export function guardContents(contents: WebContents, origin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (sameOrigin(url, origin)) return;
    event.preventDefault();
    openWebUrl(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!sameOrigin(url, origin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openWebUrl(url);
    return { action: 'deny' };
  });
}

/** Compares scheme + host + port (URL.origin is "null" for custom schemes such as app:). */
export function sameOrigin(url: string, origin: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(origin);
    return a.protocol === b.protocol && a.host === b.host && a.host !== '';
  } catch {
    return false;
  }
}

/** The board needs no camera, notifications-from-web, geolocation …: every request is refused. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
