// The bridge object the preload exposes: fixed channels only; the renderer never touches ipcRenderer.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { DomainEvent } from '../shared/events.ts';
import { IPC_CHANNELS, isBridgeCommand, type MissionControlBridge } from '../shared/ipc.ts';

export function createBridge(
  ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
): MissionControlBridge {
  /** Subscribes to a push channel; the listener sees the payload only, never the IPC event. */
  const listen = <T>(channel: string, listener: (value: T) => void) => {
    const handler = (_event: IpcRendererEvent, value: T) => listener(value);
    ipc.on(channel, handler);
    return () => {
      ipc.removeListener(channel, handler);
    };
  };
  return {
    invoke: (command, input) => {
      // Main checks again; failing here keeps an unknown name from ever reaching IPC.
      if (!isBridgeCommand(command)) {
        return Promise.resolve({
          ok: false,
          status: 400,
          error: { code: 'unknown_command', message: `Unknown command: ${String(command)}` },
        });
      }
      return ipc.invoke(IPC_CHANNELS.invoke, command, input);
    },
    onEvent: (listener) => listen<DomainEvent>(IPC_CHANNELS.event, listener),
    eventsAfter: (lastEventId) => ipc.invoke(IPC_CHANNELS.eventsAfter, lastEventId),
    info: () => ipc.invoke(IPC_CHANNELS.info),
    openDeliverable: (taskId, deliverableId) =>
      ipc.invoke(IPC_CHANNELS.openDeliverable, taskId, deliverableId),
    onOpenTask: (listener) => listen<string>(IPC_CHANNELS.openTask, listener),
  };
}
