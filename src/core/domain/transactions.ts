// Transactions: the write path every domain function goes through (one transaction, its events, then
// publish), group commit for concurrent requests, consistent reads, and the clock and ids of a write.
import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { DomainEvent, EventPayloads, EventType } from '../../shared/events.ts';
import type { EventBus } from '../events/bus.ts';
import { EventLog } from '../events/log.ts';

export interface Clock {
  now(): string;
}

const systemClock: Clock = { now: () => new Date().toISOString() };

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix time in ms, then random bits. Ids made one after another sort
 * together, so an insert appends to the primary-key index instead of landing on a random page of it:
 * a group of 16 creates wrote 23 WAL pages instead of 41 (bench/report/analysis.md). Clients still
 * get an opaque string.
 */
export function newId(nowMs: number = Date.now()): string {
  if (nowMs !== idPrefix.ms) {
    const time = nowMs.toString(16).padStart(12, '0');
    idPrefix.ms = nowMs;
    idPrefix.text = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
  }
  // xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx: keep what follows the version digit.
  return idPrefix.text + randomUUID().slice(15);
}

/** The time part of the last id, reused within the same millisecond. */
const idPrefix = { ms: -1, text: '' };

interface Group {
  events: DomainEvent[];
  /** `afterCommit` callbacks of the group's writes that did not roll back. */
  after: Array<() => void>;
  waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

export class Transactions {
  readonly db: Database;
  readonly log: EventLog;
  readonly bus: EventBus;
  readonly clock: Clock;
  #pending: DomainEvent[] = [];
  #after: Array<() => void> = [];
  #depth = 0;
  /** The transaction shared by the grouped writes of this event-loop turn (see `grouped`). */
  #group: Group | null = null;
  #joinGroup = false;
  readonly #sql: Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'undo', Statement>;

  constructor(db: Database, bus: EventBus, clock: Clock = systemClock) {
    this.db = db;
    this.bus = bus;
    this.clock = clock;
    this.log = new EventLog(db);
    // Log readers (stream attach, replay, bounds) must never see a write before its event is published.
    this.log.beforeRead = () => {
      if (this.#depth === 0) this.flush();
    };
    this.#sql = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT grouped_write'),
      release: db.prepare('RELEASE grouped_write'),
      undo: db.prepare('ROLLBACK TO grouped_write'),
    };
  }

  now(): string {
    return this.clock.now();
  }

  newId(): string {
    return newId();
  }

  /** Appends an event to the log inside the current write; it is published only after commit. */
  emit<K extends EventType>(type: K, payload: EventPayloads[K], at: string = this.now()): void {
    if (this.#depth === 0) throw new Error(`emit(${type}) outside a write`);
    this.#pending.push(this.log.append(type, payload, at));
  }

  /**
   * Runs `fn` after the current write commits (with its events), never for a rolled-back one: for
   * news that does not travel on the event bus (session log lines to their live streams).
   */
  afterCommit(fn: () => void): void {
    if (this.#depth === 0) throw new Error('afterCommit outside a write');
    this.#after.push(fn);
  }

  /**
   * Runs `fn` in one SQLite transaction. Nested calls join the outer transaction, so a domain
   * function can call another and an idempotent request can wrap either. Events reach the bus
   * after the outermost commit, and never for a rolled-back write.
   */
  write<T>(fn: () => T): T {
    if (this.#depth > 0) return fn();
    if (this.#joinGroup) return this.#writeInGroup(fn);
    this.flush();
    this.#depth = 1;
    let events: DomainEvent[];
    let after: Array<() => void>;
    let result: T;
    try {
      result = this.db.transaction(fn).immediate();
      events = this.#pending;
      after = this.#after;
    } finally {
      this.#pending = [];
      this.#after = [];
      this.#depth = 0;
    }
    for (const event of events) this.bus.publish(event);
    for (const run of after) run();
    return result;
  }

  /** A consistent read of several statements (one snapshot of the WAL). */
  read<T>(fn: () => T): T {
    if (this.#depth > 0) return fn();
    this.flush();
    return this.db.transaction(fn).deferred();
  }

  /**
   * Group commit for concurrent requests: the writes `fn` makes join one transaction shared with
   * every other grouped write of this event-loop turn, each after the first in its own savepoint (a
   * failing one rolls back alone; a failing first one rolls back the transaction, holding nothing
   * else). The transaction commits in `setImmediate`, or earlier when anything else reads or writes;
   * the promise resolves only after that commit, and events are published then.
   */
  grouped<T>(fn: () => T): Promise<T> {
    this.#joinGroup = true;
    let result: T;
    try {
      result = fn();
    } finally {
      this.#joinGroup = false;
    }
    const group = this.#group;
    if (!group) return Promise.resolve(result);
    return new Promise((resolve, reject) => {
      group.waiters.push({ resolve: () => resolve(result), reject });
    });
  }

  #writeInGroup<T>(fn: () => T): T {
    // The group's first write needs no savepoint: if it fails, rolling the whole transaction back
    // undoes it alone (a savepoint copies every page the write touches; a lone request skips that).
    const first = this.#group === null;
    if (first) {
      this.#sql.begin.run();
      this.#group = { events: [], after: [], waiters: [] };
      setImmediate(() => this.flush());
    }
    const group = this.#group as Group;
    this.#depth = 1;
    if (!first) this.#sql.savepoint.run();
    try {
      const result = fn();
      if (!first) this.#sql.release.run();
      group.events.push(...this.#pending);
      group.after.push(...this.#after);
      return result;
    } catch (error) {
      if (first || !this.db.inTransaction) {
        // The first write failed (nothing else in the transaction and no request waiting yet), or
        // SQLite rolled the whole transaction back (I/O error, full disk): the group is over.
        if (this.db.inTransaction) this.#sql.rollback.run();
        this.#group = null;
        for (const waiter of group.waiters) waiter.reject(error);
      } else {
        this.#sql.undo.run();
        this.#sql.release.run();
      }
      throw error;
    } finally {
      this.#pending = [];
      this.#after = [];
      this.#depth = 0;
    }
  }

  /** Commits the open group, if any, then publishes its events and answers its requests. */
  flush(): void {
    const group = this.#group;
    if (!group) return;
    this.#group = null;
    try {
      this.#sql.commit.run();
    } catch (error) {
      if (this.db.inTransaction) this.#sql.rollback.run();
      for (const waiter of group.waiters) waiter.reject(error);
      return;
    }
    for (const event of group.events) this.bus.publish(event);
    for (const run of group.after) run();
    for (const waiter of group.waiters) waiter.resolve();
  }
}
