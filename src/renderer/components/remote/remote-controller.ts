// The "Other devices" panel's state and actions: the LAN switch, device tokens, the link shown once.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Device, DeviceCreate } from '../../../shared/devices.ts';
import type { RemoteStatus } from '../../../shared/remote.ts';
import type { Backend } from '../../backend/backend.ts';

export interface IssuedDevice {
  device: Device;
  /** `http://<lan address>:<port>/#token=<device token>`; the token exists in this answer only. */
  link: string | null;
}

interface RemoteState {
  status: RemoteStatus | null;
  devices: Device[];
  /** The device just added, with its link: shown once, forgotten when the panel closes. */
  issued: IssuedDevice | null;
  busy: boolean;
  error: string | null;
}

export interface RemoteController {
  store: StoreApi<RemoteState>;
  load(): Promise<void>;
  setEnabled(enabled: boolean): Promise<void>;
  addDevice(input: DeviceCreate): Promise<void>;
  revoke(id: string): Promise<void>;
  /** Forgets the shown token (the panel closed). */
  forget(): void;
}

export function createRemoteController(backend: Backend): RemoteController {
  const store = createStore<RemoteState>()(() => ({
    status: null,
    devices: [],
    issued: null,
    busy: false,
    error: null,
  }));
  const attempt = async (fn: () => Promise<Partial<RemoteState>>) => {
    store.setState({ busy: true, error: null });
    try {
      store.setState(await fn());
    } catch (error) {
      store.setState({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      store.setState({ busy: false });
    }
  };
  const devices = () => backend.invoke('devices.list', {});

  return {
    store,
    load: () =>
      attempt(async () => {
        const [status, list] = await Promise.all([backend.invoke('remote.status', {}), devices()]);
        return { status, devices: list };
      }),
    setEnabled: (enabled) =>
      attempt(async () => ({ status: await backend.invoke('remote.set', { enabled }) })),
    addDevice: (input) =>
      attempt(async () => {
        const { device, token } = await backend.invoke('devices.create', input);
        const base = store.getState().status?.urls[0];
        // shared/remote.ts also holds zod schemas: kept out of the board's first chunk.
        const { deviceLink } = await import('../../../shared/remote.ts');
        return { issued: { device, link: base ? deviceLink(base, token) : null }, devices: await devices() };
      }),
    revoke: (id) =>
      attempt(async () => {
        await backend.invoke('devices.revoke', { id });
        const issued = store.getState().issued;
        return { devices: await devices(), ...(issued?.device.id === id ? { issued: null } : {}) };
      }),
    forget: () => store.setState({ issued: null, error: null }),
  };
}
