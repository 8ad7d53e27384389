// "Allow other devices on my network": the switch's state and the input that flips it.
import { z } from 'zod';

export const RemoteSet = z.strictObject({ enabled: z.boolean() });
export type RemoteSet = z.infer<typeof RemoteSet>;

export const RemoteStatus = z.object({
  enabled: z.boolean().describe('Other devices can reach the server now (the LAN listener is open)'),
  urls: z
    .array(z.string())
    .describe('Base URLs other devices open (`http://<address>:<port>`); empty when off'),
  addresses: z.array(z.string()).describe('The LAN addresses the switch listens on (or would, when off)'),
  fixed: z
    .boolean()
    .describe(
      'The server itself is bound beyond loopback (`serve --host 0.0.0.0`): other devices can always reach it and the switch cannot turn that off',
    ),
});
export type RemoteStatus = z.infer<typeof RemoteStatus>;

/** The link another device opens: the token rides in the fragment, which no server or log ever sees. */
export const deviceLink = (baseUrl: string, token: string) =>
  `${baseUrl}/#token=${encodeURIComponent(token)}`;

/** GET /api/auth/session: who this browser session is. The owner has `device_id: null`. */
export interface SessionInfo {
  authenticated: true;
  scope: 'read' | 'write';
  device_id: string | null;
}
