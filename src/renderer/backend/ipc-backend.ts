// The desktop Backend over the preload bridge (`window.missionControl`): commands by IPC, events
// pushed by main, replay after an id without gap or duplicate. Plus the desktop-only extras
// (open a deliverable, be told to open a task, app info) for components that want them.
import type { DomainEvent, StreamEvent } from '../../shared/events.ts';
import { type AppInfo, EVENTS_PAGE, type MissionControlBridge, type OpenOutcome } from '../../shared/ipc.ts';
import { type Backend, BackendError } from './backend.ts';

export interface IpcBackend extends Backend {
  /** Reveals a file deliverable in its folder or opens a URL one in the OS browser. */
  openDeliverable(taskId: string, deliverableId: string): Promise<OpenOutcome>;
  /** Main asks to open a task (a native notification was clicked); returns the unsubscribe. */
  onOpenTask(listener: (taskId: string) => void): () => void;
  info(): Promise<AppInfo>;
}

export function createIpcBackend(bridge: MissionControlBridge): IpcBackend {
  return {
    async invoke(command, input) {
      // Board and server commands alike: main runs remote.* and devices.* for the owner's window.
      const result = await bridge.invoke(command, input);
      if (!result.ok)
        throw new BackendError(result.error.code, result.error.message, result.status, result.error.details);
      return result.value as never;
    },

    subscribe(lastEventId, onEvent, onState) {
      let last = lastEventId;
      let closed = false;
      // Live events that arrive while the replay is still being read; applied after it, deduplicated.
      let buffered: DomainEvent[] | null = [];
      const deliver = (event: StreamEvent) => {
        if (closed) return;
        if (event.type === 'reset') {
          last = event.id;
          onEvent(event);
          return;
        }
        if (event.id <= last) return; // already applied (replay and live feed overlap)
        last = event.id;
        onEvent(event);
      };
      // Listen first, so nothing committed between the replay read and the listener is lost.
      const off = bridge.onEvent((event) => (buffered ? buffered.push(event) : deliver(event)));
      onState('connecting');
      const replay = async () => {
        for (;;) {
          const page = await bridge.eventsAfter(last);
          for (const event of page) deliver(event);
          if (closed || page.length < EVENTS_PAGE || page[0]?.type === 'reset') return;
        }
      };
      replay().then(
        () => {
          for (const event of buffered ?? []) deliver(event);
          buffered = null;
          if (!closed) onState('live');
        },
        () => {
          buffered = null;
          if (!closed) onState('offline');
        },
      );
      return () => {
        closed = true;
        off();
      };
    },

    async openDeliverable(taskId, deliverableId) {
      const result = await bridge.openDeliverable(taskId, deliverableId);
      if (!result.ok)
        throw new BackendError(result.error.code, result.error.message, result.status, result.error.details);
      return result.value;
    },
    onOpenTask: (listener) => bridge.onOpenTask(listener),
    info: () => bridge.info(),
  };
}
