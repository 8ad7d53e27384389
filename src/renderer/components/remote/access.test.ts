import { describe, expect, it, vi } from 'vitest';
import { BackendError } from '../../backend/backend.ts';
import { FakeBackend, settle } from '../../fake-backend.ts';
import { createBoardStore } from '../../store/store.ts';
import { followAccess } from './access.ts';

const session = (answers: Array<() => unknown>) => {
  const backend = new FakeBackend() as FakeBackend & { session?: () => Promise<never> };
  backend.session = async () => (answers.shift()?.() ?? answers.at(-1)?.()) as never;
  return backend;
};

describe('followAccess', () => {
  it('takes the scope from the session, and on a dropped stream finds a revoked token and stops', async () => {
    const revoked = () => {
      throw new BackendError('unauthorized', 'revoked', 401);
    };
    const backend = session([() => ({ authenticated: true, scope: 'read', device_id: 'd1' }), revoked]);
    const store = createBoardStore({ auth: 'ok', connection: 'live' });
    const lost = vi.fn();
    followAccess(backend, store, lost);
    await settle();
    expect(store.getState().access).toEqual({ scope: 'read', deviceId: 'd1' });
    expect(lost).not.toHaveBeenCalled();

    store.setState({ connection: 'reconnecting' });
    await settle();
    expect(store.getState().auth).toBe('needed');
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('keeps access while the server is merely away', async () => {
    const away = () => {
      throw new BackendError('network', 'The server cannot be reached', 0);
    };
    const backend = session([() => ({ authenticated: true, scope: 'write', device_id: null }), away]);
    const store = createBoardStore({ auth: 'ok', connection: 'live' });
    const lost = vi.fn();
    followAccess(backend, store, lost);
    await settle();
    store.setState({ connection: 'reconnecting' });
    await settle();
    expect(store.getState().auth).toBe('ok');
    expect(lost).not.toHaveBeenCalled();
  });

  it('does nothing for the desktop window (no session: it is the owner)', async () => {
    const store = createBoardStore({ auth: 'ok' });
    followAccess(new FakeBackend(), store, () => {})();
    await settle();
    expect(store.getState().access).toEqual({ scope: 'write', deviceId: null });
  });
});
