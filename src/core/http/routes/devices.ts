// /api/devices: the owner issues and revokes tokens for other devices (read-only or read-write).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DeviceCreate } from '../../../shared/devices.ts';
import { IdParams } from '../../../shared/inputs.ts';
import type { Devices } from '../../domain/devices.ts';
import { parse } from '../context.ts';
import { HttpError } from '../errors.ts';

/** A device may not mint or revoke tokens, whatever its scope: only the owner's token can. */
function ownerOnly(req: FastifyRequest): void {
  if (req.principal?.deviceId !== null) {
    throw new HttpError(403, 'owner_only', 'Only the owner token can manage device tokens');
  }
}

export function deviceRoutes(app: FastifyInstance, devices: Devices, revoke: (id: string) => void): void {
  app.get('/api/devices', async (req) => {
    ownerOnly(req);
    return devices.list();
  });

  app.post('/api/devices', async (req, reply) => {
    ownerOnly(req);
    return reply.code(201).send(devices.create(parse(DeviceCreate, req.body)));
  });

  app.delete('/api/devices/:id', async (req) => {
    ownerOnly(req);
    const { id } = parse(IdParams, req.params);
    revoke(id);
    return { id };
  });
}
