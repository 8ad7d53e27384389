// The machine's LAN addresses and name: what a remote browser would type to reach this server.
import { hostname, networkInterfaces } from 'node:os';

export interface LanAddress {
  address: string;
  family: 'IPv4' | 'IPv6';
  interface: string;
}

/** Non-internal addresses, IPv4 first; IPv6 link-local ones are left out (they need a zone id). */
export function lanAddresses(interfaces = networkInterfaces()): LanAddress[] {
  const found: LanAddress[] = [];
  for (const [name, list] of Object.entries(interfaces)) {
    for (const entry of list ?? []) {
      if (entry.internal) continue;
      if (entry.family === 'IPv6' && entry.address.toLowerCase().startsWith('fe80')) continue;
      found.push({ address: entry.address, family: entry.family, interface: name });
    }
  }
  return found.sort((a, b) => (a.family === b.family ? 0 : a.family === 'IPv4' ? -1 : 1));
}

/** Host names a LAN browser may use: every address, the hostname and its mDNS `.local` form. */
export function lanHostNames(addresses = lanAddresses(), name = hostname()): string[] {
  const names = addresses.map((a) => a.address.toLowerCase());
  if (name) names.push(name.toLowerCase(), `${name.toLowerCase().replace(/\.local$/, '')}.local`);
  return [...new Set(names)];
}

export const urlHost = (address: string) => (address.includes(':') ? `[${address}]` : address);

/** The loopback names a Host header may always carry (more are allowed per server: `--allow-host`). */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'] as const;

/** A loopback address or name: only this machine can connect (127.0.0.0/8, ::1, localhost). */
export const isLoopbackHost = (host: string): boolean => {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
};

/** Listening on every address of the machine. */
export const isWildcardHost = (host: string): boolean => host === '0.0.0.0' || host === '::';
