// Recognises a device by its bearer token or its browser cookie (issued by domain/devices.ts).
import { createHmac } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Device } from '../../shared/devices.ts';
import { safeEqual } from '../config/token.ts';
import { DEVICE_TOKEN_PREFIX, type DeviceRow, hashOf, strip } from '../domain/devices.ts';
import type { Transactions } from '../domain/transactions.ts';

/** `secret` (the owner token) signs device cookies, so they cannot be forged from the database alone. */
export function createDeviceAuth(tx: Transactions, secret: string) {
  const db: Database = tx.db;
  const byId = db.prepare<[string], DeviceRow>('SELECT * FROM device_tokens WHERE id = ?');
  const byHash = db.prepare<[string], DeviceRow>(
    'SELECT * FROM device_tokens WHERE token_hash = ? AND revoked_at IS NULL',
  );
  const used = db.prepare<[string, string]>('UPDATE device_tokens SET last_used_at = ? WHERE id = ?');
  const mac = (row: { id: string; token_hash: string }) =>
    createHmac('sha256', secret).update(`device-cookie:${row.id}:${row.token_hash}`).digest('base64url');
  const touch = (device: Device) => {
    const now = tx.now();
    // At most once a minute: a read should not turn into a write per request.
    if (!device.last_used_at || Date.parse(now) - Date.parse(device.last_used_at) > 60_000)
      used.run(now, device.id);
  };

  return {
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

export type DeviceAuth = ReturnType<typeof createDeviceAuth>;
