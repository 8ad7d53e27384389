// Which webhook URLs are refused (422): credentials in the URL, a scheme other than http(s), or this
// server's own address (a webhook to itself would feed its own log back to itself).

import { unprocessable } from '../domain/errors.ts';
import { isLoopbackHost, isWildcardHost, lanHostNames } from '../network.ts';

/** Where this server listens, told by the server when it starts (null: not listening, e.g. tests). */
export interface ServingAddress {
  host: string;
  port: number;
}

const bare = (host: string) => host.toLowerCase().replace(/^\[|\]$/g, '');

/**
 * The names that reach this server on its port: loopback, the address it is bound to, and every
 * address and name of this machine (listening on all of them, or once "other devices" is switched on).
 */
function reachesSelf(host: string, self: ServingAddress): boolean {
  const name = bare(host);
  if (isLoopbackHost(name) || isWildcardHost(name) || name === bare(self.host)) return true;
  return lanHostNames().some((n) => bare(n) === name);
}

export function checkWebhookUrl(raw: string, self: ServingAddress | null): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw unprocessable('url: not a valid URL', { field: 'url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw unprocessable('url: only http and https URLs can receive webhooks', { field: 'url' });
  if (url.username || url.password)
    throw unprocessable('url: must not carry credentials; verify the signature instead', { field: 'url' });
  if (!self) return;
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  if (port === self.port && reachesSelf(url.hostname, self))
    throw unprocessable("url: this is Mission Control's own address", { field: 'url' });
}
