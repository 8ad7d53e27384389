// An in-memory Backend for renderer tests: scripted command answers and a pushable event stream.
import type { Snapshot } from '../shared/entities.ts';
import type { StreamEvent } from '../shared/events.ts';
import type { OperationName } from '../shared/operations/index.ts';
import type { Backend, ConnectionState } from './backend/backend.ts';

type Handler = (input: unknown) => unknown;

export class FakeBackend implements Backend {
  snapshot: Snapshot = {
    last_event_id: 0,
    tasks: [],
    done_total: 0,
    done_next: null,
    agents: [],
    sessions: [],
  };
  handlers: Partial<Record<OperationName, Handler>> = {};
  calls: { command: OperationName; input: unknown }[] = [];
  subscriptions: number[] = [];
  #listener: ((event: StreamEvent) => void) | undefined;
  #state: ((state: ConnectionState) => void) | undefined;
  /** Desktop-only extras: left undefined, the fake is a browser host; set them to play the desktop. */
  openDeliverable?: Backend['openDeliverable'];
  info?: Backend['info'];

  async invoke(command: OperationName, input: unknown): Promise<never> {
    this.calls.push({ command, input });
    if (command === 'snapshot') return structuredClone(this.snapshot) as never;
    const handler = this.handlers[command];
    if (handler) return (await handler(input)) as never;
    return [] as never;
  }

  subscribe(lastEventId: number, onEvent: (e: StreamEvent) => void, onState: (s: ConnectionState) => void) {
    this.subscriptions.push(lastEventId);
    this.#listener = onEvent;
    this.#state = onState;
    onState('live');
    return () => {
      this.#listener = undefined;
    };
  }

  push(...events: StreamEvent[]) {
    for (const event of events) this.#listener?.(event);
  }

  setState(state: ConnectionState) {
    this.#state?.(state);
  }
}

/** Lets queued timers (the event flush) and promises run. */
export const settle = () => new Promise((r) => setTimeout(r, 5));
