// The one way a URL leaves the app: http(s) only, handed to the OS browser, never to a shell.
import { shell } from 'electron';

/** The parsed URL when it is http(s), else null (javascript:, file:, data:, custom schemes …). */
function webUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/** Opens an http(s) URL in the default browser; returns false (and does nothing) for anything else. */
export function openWebUrl(value: string): boolean {
  const url = webUrl(value);
  if (!url) return false;
  void shell.openExternal(url.href);
  return true;
}
