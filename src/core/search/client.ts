// The app's side of the search index: starts the indexer's thread (worker.ts), asks it queries, and
// prunes search_queue behind its cursor. A write pays only for its queue row (migration 014); the
// FTS5 work runs on the other thread, against search.db.
//
// Read-your-writes: a query carries the newest queue id committed when it was asked, and the indexer
// answers only once it has applied that far — a search never misses a write acknowledged before it.
// The index's own timers run on the wall clock (node:timers, which fake clocks in tests leave alone).
import { clearTimeout, setImmediate, setTimeout } from 'node:timers';
import { Worker } from 'node:worker_threads';
import { unavailable } from '../domain/errors.ts';
import { badQuery } from '../domain/search-query.ts';
import type { Transactions } from '../domain/transactions.ts';
import {
  type FromWorker,
  type IndexAnswer,
  type IndexRequest,
  START,
  type ToWorker,
  type WorkerData,
} from './protocol.ts';

export interface SearchIndexOptions {
  /** search.db's path. */
  file: string;
  /** Start the indexer this long after the core opens, to keep the index warm (the first query starts it sooner). */
  startAfterMs?: number;
  pollMs?: number;
}

/**
 * Queue rows deleted per event-loop turn (~2 ms): after a long catch-up (a million log lines) the
 * backlog is pruned over many turns, so requests keep being answered in between.
 */
const PRUNE_BATCH = 2_000;
/** A thread that stopped on its own is started again after this, doubling up to the max while it fails. */
const RESTART_FIRST_MS = 1000;
const RESTART_MAX_MS = 60_000;

// From the sources (tests, `node src/…`) the worker is TypeScript next to this file; in a bundle
// (out/serve/main.js, out/main/index.js) it is the search-worker.js entry beside it.
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./worker.ts', import.meta.url)
  : new URL('./search-worker.js', import.meta.url);

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void };

export function createSearchIndex(tx: Transactions, options: SearchIndexOptions) {
  const { db } = tx;
  const lastQueued = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM search_queue').pluck();
  // The newest row stays: ids are never reused, so the indexer's cursor stays meaningful.
  const prune = db.prepare<[number]>(
    'DELETE FROM search_queue WHERE id <= ? AND id < (SELECT max(id) FROM search_queue)',
  );
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  /** The running thread's START cell (protocol.ts). */
  let startCell = new Int32Array(new SharedArrayBuffer(4));
  let nextId = 1;
  let indexed = 0;
  /** Queue ids up to here are gone (rows left from a previous run are pruned from the oldest). */
  let pruned = db
    .prepare<[], number>('SELECT coalesce(min(id), 1) - 1 FROM search_queue')
    .pluck()
    .get() as number;
  let closed = false;
  let pruning = false;

  const startTimer = setTimeout(() => start(), options.startAfterMs ?? 1000);
  startTimer.unref();
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  let restartAfterMs = RESTART_FIRST_MS;

  /** Deletes what the index holds from the queue, PRUNE_BATCH rows per event-loop turn. */
  function pruneBehind(): void {
    pruning = false;
    if (closed || indexed <= pruned) return;
    const upTo = Math.min(indexed, pruned + PRUNE_BATCH);
    try {
      tx.write(() => prune.run(upTo));
    } catch {
      return; // busy or failing disk: the queue just stays longer; tried again on the next report
    }
    pruned = upTo;
    if (indexed > pruned) {
      pruning = true;
      setImmediate(pruneBehind).unref();
    }
  }

  function fail(error: unknown): void {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  }

  function start(): Worker {
    if (worker) return worker;
    clearTimeout(restartTimer);
    startCell = new Int32Array(new SharedArrayBuffer(4));
    const data: WorkerData = {
      file: options.file,
      appFile: db.name,
      pollMs: options.pollMs ?? 50,
      start: startCell,
    };
    const started = new Worker(WORKER_URL, { workerData: data });
    started.unref();
    started.on('message', (message: FromWorker) => {
      if (message.op === 'indexed') {
        indexed = message.cursor;
        restartAfterMs = RESTART_FIRST_MS;
        if (!pruning) pruneBehind();
        return;
      }
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (pending.size === 0) started.unref();
      if (!waiting) return;
      if (message.op === 'answer') waiting.resolve(message.value);
      else if (message.kind === 'query') waiting.reject(badQuery(message.message));
      else waiting.reject(unavailable(`The search index failed: ${message.message}; ask again`));
    });
    started.on('error', (error) =>
      fail(unavailable(`The search index stopped: ${error.message}; ask again`)),
    );
    started.on('exit', () => {
      if (worker !== started) return; // closed, or already replaced
      worker = null;
      fail(unavailable('The search index stopped; ask again'));
      // It stopped on its own (a damaged disk, a bug): back in a second, then less often while it
      // keeps failing, so the index keeps up and the queue keeps being pruned without a search.
      restartTimer = setTimeout(() => start(), restartAfterMs);
      restartTimer.unref();
      restartAfterMs = Math.min(restartAfterMs * 2, RESTART_MAX_MS);
    });
    worker = started;
    return started;
  }

  return {
    /** Answers `request` once the index holds every write committed before this call. */
    ask<R extends IndexRequest>(request: R): Promise<IndexAnswer<R>> {
      if (closed) return Promise.reject(unavailable('The server is shutting down'));
      const upTo = tx.read(() => lastQueued.get() as number);
      const target = start();
      const id = nextId++;
      target.ref();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        target.postMessage({ op: 'ask', id, upTo, request } satisfies ToWorker);
      });
    },
    /** Where the thread's start is (START in protocol.ts), so tests can close it at each step. */
    get startState(): number {
      return Atomics.load(startCell, 0);
    },
    close(): void {
      closed = true;
      clearTimeout(startTimer);
      clearTimeout(restartTimer);
      fail(unavailable('The server is shutting down'));
      // Stopped, not asked: a catch-up over a long backlog would hold a read of the database open
      // and delay the checkpoint that closing makes. Whatever it was writing to search.db rolls back.
      const stopping = worker;
      worker = null;
      if (!stopping) return;
      // Not in the middle of loading the native addon (that would abort the process): before it
      // begins the thread now never will; during it, wait for its end (milliseconds, at most 2 s).
      if (Atomics.compareExchange(startCell, 0, START.starting, START.stopped) === START.loading)
        Atomics.wait(startCell, 0, START.loading, 2000);
      void stopping.terminate();
    },
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;
