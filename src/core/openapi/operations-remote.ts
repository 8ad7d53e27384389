// Documented routes under /api/remote: the owner's "Allow other devices on my network" switch.
import { z } from 'zod';
import { RemoteSet } from '../../shared/remote.ts';
import type { Operation } from './operation.ts';

/** The shape of shared/remote.ts's RemoteStatus interface, for the document. */
const RemoteStatus = z.object({
  enabled: z.boolean().describe('Other devices can reach the server now'),
  urls: z.array(z.string()).describe('Base URLs other devices open; empty when off'),
  addresses: z.array(z.string()).describe('The LAN addresses the switch listens on (or would)'),
  fixed: z.boolean().describe('The server itself is bound beyond loopback; the switch cannot turn that off'),
});
const status = {
  enabled: true,
  urls: ['http://192.168.1.20:4000'],
  addresses: ['192.168.1.20'],
  fixed: false,
};
const tag = 'devices';

export const remoteOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/remote',
    operationId: 'getRemote',
    tag,
    summary: 'Whether other devices on the network may connect (owner token only)',
    ok: { status: 200, description: 'The switch', schema: RemoteStatus, example: status },
    errors: [403, 409],
  },
  {
    method: 'put',
    path: '/api/remote',
    operationId: 'setRemote',
    tag,
    summary: 'Allow or refuse other devices on the network (owner token only; persisted)',
    body: { schema: RemoteSet, example: { enabled: true } },
    ok: { status: 200, description: 'The switch after the change', schema: RemoteStatus, example: status },
    errors: [400, 403, 409],
  },
];
