// The in-process event bus: the only way news travels from a committed write to its listeners.
import type { DomainEvent } from '../../shared/events.ts';

export type Listener = (event: DomainEvent) => void;

export class EventBus {
  readonly #listeners = new Set<Listener>();

  /** Returns the function that unsubscribes. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(event: DomainEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        // One broken listener must not starve the others or fail the write that already committed.
        console.error('event listener failed', error);
      }
    }
  }

  get size(): number {
    return this.#listeners.size;
  }
}
