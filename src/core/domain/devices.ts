// Device tokens: the owner issues, lists and revokes them (recognising one is http/device-auth.ts).
import { createHash, randomBytes } from 'node:crypto';
import { type Device, DeviceCreate } from '../../shared/devices.ts';
import { notFound } from './errors.ts';
import type { Transactions } from './transactions.ts';

export const DEVICE_TOKEN_PREFIX = 'mcd_';
export const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
export type DeviceRow = Device & { token_hash: string };
export const strip = ({ token_hash: _hash, ...device }: DeviceRow): Device => device;

export function createDevices(tx: Transactions) {
  const { db } = tx;
  const all = db.prepare<[], Device>(
    'SELECT id, name, scope, created_at, last_used_at, revoked_at FROM device_tokens ORDER BY created_at',
  );
  const byId = db.prepare<[string], DeviceRow>('SELECT * FROM device_tokens WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO device_tokens (id, name, scope, token_hash, created_at) VALUES (@id, @name, @scope, @token_hash, @created_at)',
  );
  const revoke = db.prepare<[string, string]>(
    'UPDATE device_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
  );

  return {
    list: (): Device[] => all.all(),
    /** The token is returned once, here; only its hash is kept. */
    create(input: DeviceCreate): { device: Device; token: string } {
      const data = DeviceCreate.parse(input);
      const token = `${DEVICE_TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
      const device: Device = {
        id: tx.newId(),
        name: data.name,
        scope: data.scope,
        created_at: tx.now(),
        last_used_at: null,
        revoked_at: null,
      };
      insert.run({ ...device, token_hash: hashOf(token) });
      return { device, token };
    },
    /** Revokes the token; the `device_revoked` event ends that device's open streams. */
    revoke(id: string): Device {
      return tx.write(() => {
        const row = byId.get(id);
        if (!row) throw notFound('device', id);
        revoke.run(tx.now(), id);
        tx.emit('device_revoked', { id });
        return strip(byId.get(id) ?? row);
      });
    },
  };
}

export type Devices = ReturnType<typeof createDevices>;
