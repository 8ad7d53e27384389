// Keeps the store's `access` in step with the session: a read-only device sees no write controls, and a
// revoked one is sent back to the token prompt instead of retrying a stream it may no longer open.
import { type Backend, BackendError } from '../../backend/backend.ts';
import type { BoardStore } from '../../store/store.ts';

/** Reads the session now and again whenever the stream drops; `lost` runs once access is gone. */
export function followAccess(backend: Backend, store: BoardStore, lost: () => void): () => void {
  const session = backend.session;
  if (!session) return () => {}; // the desktop window is the owner
  let stopped = false;
  const check = async () => {
    try {
      const info = await session.call(backend);
      if (!stopped) store.setState({ access: { scope: info.scope, deviceId: info.device_id } });
    } catch (error) {
      // A network error while the server is away says nothing about access: the stream retries.
      if (stopped || !(error instanceof BackendError && error.status === 401)) return;
      stopped = true;
      store.setState({ auth: 'needed', connection: 'offline' });
      lost();
    }
  };
  void check();
  // A revoked device's stream is ended by the server: that is when to ask whether access is gone.
  const off = store.subscribe((state, previous) => {
    if (state.connection === 'reconnecting' && previous.connection !== 'reconnecting') void check();
  });
  return () => {
    stopped = true;
    off();
  };
}
