// The write path every domain function goes through: one transaction, its events, then publish.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { DomainEvent, EventPayloads, EventType } from '../../shared/events.ts';
import type { EventBus } from '../events/bus.ts';
import { EventLog } from '../events/log.ts';

export interface Clock {
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

export class Store {
  readonly db: Database;
  readonly log: EventLog;
  readonly bus: EventBus;
  readonly clock: Clock;
  #pending: DomainEvent[] = [];
  #depth = 0;

  constructor(db: Database, bus: EventBus, clock: Clock = systemClock) {
    this.db = db;
    this.bus = bus;
    this.clock = clock;
    this.log = new EventLog(db);
  }

  now(): string {
    return this.clock.now();
  }

  newId(): string {
    return randomUUID();
  }

  /** Appends an event to the log inside the current write; it is published only after commit. */
  emit<K extends EventType>(type: K, payload: EventPayloads[K], at: string = this.now()): void {
    if (this.#depth === 0) throw new Error(`emit(${type}) outside a write`);
    this.#pending.push(this.log.append(type, payload, at));
  }

  /**
   * Runs `fn` in one SQLite transaction. Nested calls join the outer transaction, so a domain
   * function can call another and an idempotent request can wrap either. Events reach the bus
   * after the outermost commit, and never for a rolled-back write.
   */
  write<T>(fn: () => T): T {
    if (this.#depth > 0) return fn();
    this.#depth = 1;
    let events: DomainEvent[];
    let result: T;
    try {
      result = this.db.transaction(fn).immediate();
      events = this.#pending;
    } finally {
      this.#pending = [];
      this.#depth = 0;
    }
    for (const event of events) this.bus.publish(event);
    return result;
  }

  /** A consistent read of several statements (one snapshot of the WAL). */
  read<T>(fn: () => T): T {
    if (this.#depth > 0) return fn();
    return this.db.transaction(fn).deferred();
  }
}
