// Documented routes under /api/devices: the owner issues and revokes tokens for other devices.
import { z } from 'zod';
import { Device, DeviceCreate } from '../../shared/devices.ts';
import type { Operation } from './operation.ts';

const device: Device = {
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  name: 'Phone',
  scope: 'read',
  created_at: '2026-01-31T12:00:00.000Z',
  last_used_at: null,
  revoked_at: null,
};
const Issued = z.object({ device: Device, token: z.string().describe('Shown once; only its hash is kept') });
const tag = 'devices';

export const deviceOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/devices',
    operationId: 'listDevices',
    tag,
    summary: 'List device tokens (owner token only)',
    ok: {
      status: 200,
      description: 'The devices, revoked ones included',
      schema: Device,
      list: true,
      example: [device],
    },
    errors: [403],
  },
  {
    method: 'post',
    path: '/api/devices',
    operationId: 'createDevice',
    tag,
    summary: 'Issue a device token (owner token only)',
    body: { schema: DeviceCreate, example: { name: 'Phone', scope: 'read' } },
    ok: {
      status: 201,
      description: 'The device and its token',
      schema: Issued,
      example: { device, token: 'mcd_3q2-example-token' },
    },
    errors: [400, 403],
  },
  {
    method: 'delete',
    path: '/api/devices/:id',
    operationId: 'revokeDevice',
    tag,
    summary: 'Revoke a device token and end its streams (owner token only)',
    ok: {
      status: 200,
      description: 'The id of the revoked device',
      schema: z.object({ id: z.string() }),
      example: { id: device.id },
    },
    errors: [403, 404],
  },
];
