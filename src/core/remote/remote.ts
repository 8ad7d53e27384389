// "Allow other devices on my network": the persisted setting bound to the running server's LAN switch.
import { z } from 'zod';
import type { RemoteStatus } from '../../shared/remote.ts';
import { conflict, unavailable } from '../domain/errors.ts';
import type { Transactions } from '../domain/transactions.ts';
import { isLoopbackHost, isWildcardHost, lanAddresses, urlHost } from '../network.ts';
import { createSettings } from './settings.ts';

export const REMOTE_SETTING = 'remote.enabled';

/** The opt-in listener for other devices: same app, same port, on the LAN addresses (server.ts). */
export interface LanSwitch {
  readonly enabled: boolean;
  /** Base URLs other devices can open (one per address), empty when off. */
  readonly urls: string[];
  /** Starts listening on `addresses` (default: every LAN address) and allows their Host names. */
  enable(addresses?: string[]): Promise<string[]>;
  /** Closes the LAN listeners at once: their streams and connections end. */
  disable(): Promise<void>;
}

/** What the remote control drives: known only once the server listens (see server.ts). */
export interface RemoteTarget {
  lan: LanSwitch;
  /** The address the main listener is bound to (`--host`). */
  host: string;
  port: number;
  /** The addresses the switch opens; default every LAN address of the machine (read when used). */
  addresses?: readonly string[] | undefined;
}

export function createRemote(tx: Transactions) {
  const settings = createSettings(tx);
  let target: RemoteTarget | undefined;
  // Turning on and off are serialised: two quick clicks must not race two listeners onto one port.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  const attached = (): RemoteTarget => {
    if (!target) throw unavailable('The server is not listening yet');
    return target;
  };
  const candidates = () => [...(target?.addresses ?? lanAddresses().map((a) => a.address))];
  /** Bound beyond loopback by `--host`: always reachable, nothing to switch. */
  const fixed = (t: RemoteTarget) => !isLoopbackHost(t.host);

  const status = (): RemoteStatus => {
    const t = attached();
    if (fixed(t)) {
      const addresses = isWildcardHost(t.host) ? candidates() : [t.host];
      const urls = addresses.map((a) => `http://${urlHost(a)}:${t.port}`);
      return { enabled: true, urls, addresses, fixed: true };
    }
    return { enabled: t.lan.enabled, urls: [...t.lan.urls], addresses: candidates(), fixed: false };
  };

  const open = async (t: RemoteTarget) => {
    const addresses = candidates();
    if (addresses.length === 0)
      throw conflict('This machine has no network address other devices could reach');
    try {
      await t.lan.enable(addresses);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw conflict(`Could not listen on ${addresses.join(', ')} (${code ?? (error as Error).message})`);
    }
  };

  return {
    /** Called by startServer once the main listener is up. */
    attach(next: RemoteTarget): void {
      target = next;
    },
    /** The stored choice (off by default), whether or not the listener is open right now. */
    stored: (): boolean => settings.get(REMOTE_SETTING, z.boolean(), false),
    status,
    /** Persists the choice and opens or closes the LAN listener (closing ends its streams at once). */
    setEnabled: (enabled: boolean): Promise<RemoteStatus> =>
      serial(async () => {
        const t = attached();
        if (fixed(t))
          throw conflict('The server was started with --host beyond loopback; restart it without to switch');
        if (enabled) {
          await open(t); // persisted only once it really listens
          settings.set(REMOTE_SETTING, true);
        } else {
          settings.set(REMOTE_SETTING, false);
          await t.lan.disable();
        }
        return status();
      }),
    /**
     * On start (serve and desktop): reopens the LAN listener when the stored setting is on. A failure
     * (the address went away, the port is taken there) keeps the setting and is reported, not thrown.
     */
    restore: (): Promise<{ status: RemoteStatus; error?: string }> =>
      serial(async () => {
        const t = attached();
        if (fixed(t) || !settings.get(REMOTE_SETTING, z.boolean(), false)) return { status: status() };
        try {
          await open(t);
          return { status: status() };
        } catch (error) {
          return { status: status(), error: (error as Error).message };
        }
      }),
  };
}

export type Remote = ReturnType<typeof createRemote>;
