// /api/remote: the owner reads and flips "Allow other devices on my network" (persisted, takes effect at once).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RemoteSet } from '../../../shared/remote.ts';
import type { Remote } from '../../remote/remote.ts';
import { parse } from '../context.ts';
import { HttpError } from '../errors.ts';

/** A device, even read-write, may not open the server to more devices: only the owner's token can. */
function ownerOnly(req: FastifyRequest): void {
  if (req.principal?.deviceId !== null)
    throw new HttpError(403, 'owner_only', 'Only the owner token can change who may connect');
}

export function remoteRoutes(app: FastifyInstance, remote: Remote): void {
  app.get('/api/remote', async (req) => {
    ownerOnly(req);
    return remote.status();
  });

  app.put('/api/remote', async (req) => {
    ownerOnly(req);
    return remote.setEnabled(parse(RemoteSet, req.body).enabled);
  });
}
