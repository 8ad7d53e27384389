// The desktop Backend, loaded on first use: ipc-backend.ts brings the operation table with it (through
// shared/ipc.ts), which the browser build must not carry in its first chunk. Same surface, at once.
import type { MissionControlBridge } from '../../shared/ipc.ts';
import type { IpcBackend } from './ipc-backend.ts';

export function lazyIpcBackend(bridge: MissionControlBridge): IpcBackend {
  const real = import('./ipc-backend.ts').then((m) => m.createIpcBackend(bridge));
  return {
    invoke: (command, input) => real.then((backend) => backend.invoke(command, input)),
    subscribe(lastEventId, onEvent, onState) {
      let off: (() => void) | undefined;
      let closed = false;
      void real.then((backend) => {
        if (!closed) off = backend.subscribe(lastEventId, onEvent, onState);
      });
      return () => {
        closed = true;
        off?.();
      };
    },
    openDeliverable: (taskId, deliverableId) =>
      real.then((backend) => backend.openDeliverable(taskId, deliverableId)),
    onOpenTask: (listener) => bridge.onOpenTask(listener),
    info: () => bridge.info(),
  };
}
