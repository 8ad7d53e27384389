// Device tokens: issue, list, revoke, and recognise a presented token or cookie.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { type Device, DeviceCreate } from '../../shared/devices.ts';
import { safeEqual } from '../config/token.ts';
import { notFound } from './errors.ts';
import type { Store } from './store.ts';

export const DEVICE_TOKEN_PREFIX = 'mcd_';
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** `secret` (the owner token) signs device cookies, so they cannot be forged from the database alone. */
export function createDevices(store: Store, secret: () => string) {
  const { db } = store;
  const all = db.prepare<[], Device>(
    'SELECT id, name, scope, created_at, last_used_at, revoked_at FROM device_tokens ORDER BY created_at',
  );
  const byId = db.prepare<[string], Device & { token_hash: string }>(
    'SELECT * FROM device_tokens WHERE id = ?',
  );
  const byHash = db.prepare<[string], Device & { token_hash: string }>(
    'SELECT * FROM device_tokens WHERE token_hash = ? AND revoked_at IS NULL',
  );
  const insert = db.prepare(
    'INSERT INTO device_tokens (id, name, scope, token_hash, created_at) VALUES (@id, @name, @scope, @token_hash, @created_at)',
  );
  const revoke = db.prepare<[string, string]>(
    'UPDATE device_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
  );
  const used = db.prepare<[string, string]>('UPDATE device_tokens SET last_used_at = ? WHERE id = ?');

  const mac = (row: { id: string; token_hash: string }) =>
    createHmac('sha256', secret()).update(`device-cookie:${row.id}:${row.token_hash}`).digest('base64url');
  const strip = ({ token_hash: _hash, ...device }: Device & { token_hash: string }): Device => device;
  const touch = (device: Device) => {
    const now = store.now();
    // At most once a minute: a read should not turn into a write per request.
    if (!device.last_used_at || Date.parse(now) - Date.parse(device.last_used_at) > 60_000)
      used.run(now, device.id);
  };

  return {
    list: (): Device[] => all.all(),
    /** The token is returned once, here; only its hash is kept. */
    create(input: DeviceCreate): { device: Device; token: string } {
      const data = DeviceCreate.parse(input);
      const token = `${DEVICE_TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
      const device: Device = {
        id: store.newId(),
        name: data.name,
        scope: data.scope,
        created_at: store.now(),
        last_used_at: null,
        revoked_at: null,
      };
      insert.run({ ...device, token_hash: hashOf(token) });
      return { device, token };
    },
    revoke(id: string): Device {
      const row = byId.get(id);
      if (!row) throw notFound('device', id);
      revoke.run(store.now(), id);
      return strip(byId.get(id) ?? row);
    },
    /** The live device a bearer token belongs to, or null. */
    fromToken(token: string): Device | null {
      if (!token.startsWith(DEVICE_TOKEN_PREFIX)) return null;
      const row = byHash.get(hashOf(token));
      if (!row) return null;
      touch(row);
      return strip(row);
    },
    cookieFor(token: string): string | null {
      const row = token.startsWith(DEVICE_TOKEN_PREFIX) ? byHash.get(hashOf(token)) : undefined;
      return row ? `d.${row.id}.${mac(row)}` : null;
    },
    fromCookie(value: string): Device | null {
      const match = /^d\.([^.]+)\.([A-Za-z0-9_-]+)$/.exec(value);
      if (!match?.[1] || !match[2]) return null;
      const row = byId.get(match[1]);
      if (!row || row.revoked_at || !safeEqual(match[2], mac(row))) return null;
      touch(row);
      return strip(row);
    },
  };
}

export type Devices = ReturnType<typeof createDevices>;
