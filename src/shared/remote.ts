// "Allow other devices on my network": the switch's state and the input that flips it.
import { z } from 'zod';

export const RemoteSet = z.strictObject({ enabled: z.boolean() });
export type RemoteSet = z.infer<typeof RemoteSet>;

export interface RemoteStatus {
  /** True while other devices can reach the server (the LAN listener is open). */
  enabled: boolean;
  /** Base URLs other devices open (`http://<address>:<port>`), empty when off. */
  urls: string[];
  /** The LAN addresses the switch listens on (or would, when off). */
  addresses: string[];
  /**
   * True when the server itself was bound beyond loopback (`serve --host 0.0.0.0`): other devices
   * can always reach it and the switch cannot turn that off.
   */
  fixed: boolean;
}

/** The link another device opens: the token rides in the fragment, which no server or log ever sees. */
export const deviceLink = (baseUrl: string, token: string) =>
  `${baseUrl}/#token=${encodeURIComponent(token)}`;

/** GET /api/auth/session: who this browser session is. The owner has `device_id: null`. */
export interface SessionInfo {
  authenticated: true;
  scope: 'read' | 'write';
  device_id: string | null;
}
