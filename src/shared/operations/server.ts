// Operations about the server itself rather than the board: who may connect from other devices.
// Owner-only: a device token, even read-write, may not mint tokens or open the server wider.
import { z } from 'zod';
import { Device, DeviceCreate } from '../devices.ts';
import { Id } from '../inputs.ts';
import { defineOperation } from '../operation.ts';
import { RemoteSet, RemoteStatus } from '../remote.ts';
import * as ex from './examples.ts';

const operator = "The operator's: agents never manage who may connect";
const tag = 'devices';

export const serverOperations = {
  'remote.status': defineOperation({
    input: z.strictObject({}),
    output: RemoteStatus,
    access: 'owner',
    http: { method: 'GET', path: '/api/remote', status: 200 },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag,
      id: 'getRemote',
      summary: 'Whether other devices on the network may connect (owner token only)',
      result: ex.remoteStatus,
      errors: [409],
    },
  }),
  'remote.set': defineOperation({
    input: RemoteSet,
    output: RemoteStatus,
    access: 'owner',
    http: { method: 'PUT', path: '/api/remote', status: 200 },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag,
      id: 'setRemote',
      summary: 'Allow or refuse other devices on the network (owner token only; persisted)',
      body: { enabled: true },
      result: ex.remoteStatus,
      errors: [400, 409],
    },
  }),
  'devices.list': defineOperation({
    input: z.strictObject({}),
    output: z.array(Device),
    access: 'owner',
    http: { method: 'GET', path: '/api/devices', status: 200 },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag,
      id: 'listDevices',
      summary: 'List device tokens (owner token only)',
      description: 'Revoked ones included.',
      result: [ex.device],
      errors: [],
    },
  }),
  'devices.create': defineOperation({
    input: DeviceCreate,
    output: z.object({ device: Device, token: z.string().describe('Shown once; only its hash is kept') }),
    access: 'owner',
    http: { method: 'POST', path: '/api/devices', status: 201 },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag,
      id: 'createDevice',
      summary: 'Issue a device token (owner token only)',
      body: { name: 'Phone', scope: 'read' },
      result: { device: ex.device, token: 'mcd_3q2-example-token' },
      errors: [400],
    },
  }),
  'devices.revoke': defineOperation({
    input: z.strictObject({ id: Id }),
    output: z.object({ id: z.string() }),
    access: 'owner',
    http: { method: 'DELETE', path: '/api/devices/:id', status: 200 },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag,
      id: 'revokeDevice',
      summary: 'Revoke a device token and end its streams (owner token only)',
      result: { id: ex.device.id },
      errors: [404],
    },
  }),
};
