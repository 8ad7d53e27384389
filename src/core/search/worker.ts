// The indexer's thread: keeps search.db up to date with the app's search_queue and answers the
// queries, each once the index holds every write committed before it was asked. Started by
// client.ts; all it writes is search.db, and it checkpoints the app's WAL (below).
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openIndex } from './index-db.ts';
import { type FromWorker, START, type ToWorker, type WorkerData } from './protocol.ts';
import { createQueries, QueryError } from './queries.ts';

const { file, appFile, pollMs, start } = workerData as WorkerData;
const port = parentPort as NonNullable<typeof parentPort>;
const send = (message: FromWorker) => port.postMessage(message);

// Indexing is background work: it yields the CPU to the thread answering requests. Only on Linux,
// where the nice value belongs to each thread; on macOS and Windows it would lower the whole app.
if (process.platform === 'linux') {
  try {
    setPriority(10);
  } catch {
    // not permitted here: the index just competes as an equal
  }
}

/** Opens search.db (loading the native addon) unless the app has already stopped this thread. */
function open(): ReturnType<typeof openIndex> | null {
  if (Atomics.compareExchange(start, 0, START.starting, START.loading) !== START.starting) return null;
  try {
    return openIndex(file, appFile);
  } finally {
    Atomics.store(start, 0, START.loaded);
    Atomics.notify(start, 0);
  }
}
const opened = open();
if (!opened) process.exit(0); // stopped before it began: the app is closing
const index = opened as NonNullable<typeof opened>;
const queries = createQueries(index.db);
let reported = -1;

/** Applies the queue up to `target` (or as far as it goes), in batches; tells the app's thread. */
function catchUpTo(target: number): void {
  let cursor = index.cursor();
  while (cursor < target) {
    const next = index.catchUp();
    if (next === cursor) break;
    cursor = next;
  }
  if (cursor === reported) return;
  reported = cursor;
  send({ op: 'indexed', cursor });
}

/**
 * Copies what the app's WAL holds back into its database file (PASSIVE: never waits for, nor holds
 * up, the app's writer), so that work and its fsync happen here rather than inside a request: the
 * app's own automatic checkpoint, every 10,000 WAL pages, then finds little left to copy, or — when
 * writes pause long enough for this to catch up — the WAL starts over and it never runs. Creates at
 * full speed on 16 connections: the slowest request 11–32 ms instead of 38–56, creates/s +2–8 %, p99
 * 0.3–0.5 ms higher (the copying competes for the other core) (bench/report/analysis.md).
 */
function checkpointApp(): void {
  try {
    index.db.pragma('app.wal_checkpoint(PASSIVE)');
  } catch {
    // busy or failing: the app's own automatic checkpoint still runs
  }
}

/**
 * Not at every look: a checkpoint copies each page changed since the last one (a hot page once per
 * checkpoint, however often it changed) and syncs two files, so one every 50 ms under steady writes
 * would mean ~40 fsyncs a second. Once a second, or sooner after CHECKPOINT_ROWS queue entries (a
 * burst), keeps the WAL far below the app's own 10,000 pages. With nothing new in the WAL a
 * checkpoint is a look at its header.
 */
const CHECKPOINT_MS = 1000;
const CHECKPOINT_ROWS = 2000;
let checkpointedAt = 0;
let rowsSinceCheckpoint = 0;
function maybeCheckpoint(rows: number): void {
  rowsSinceCheckpoint += rows;
  const now = Date.now();
  if (rowsSinceCheckpoint < CHECKPOINT_ROWS && now - checkpointedAt < CHECKPOINT_MS) return;
  checkpointApp();
  checkpointedAt = now;
  rowsSinceCheckpoint = 0;
}

/** Looks at the queue every `pollMs` while writes come, backing off to IDLE_POLL_MS when none do. */
const IDLE_POLL_MS = 1000;
let wait = pollMs;
function poll(): void {
  const before = reported;
  try {
    catchUpTo(index.queued());
  } catch {
    // a failed batch rolled back whole (a full disk, say): the next poll or search tries again
  }
  maybeCheckpoint(Math.max(0, reported - before));
  wait = reported === before ? Math.min(Math.max(IDLE_POLL_MS, pollMs), wait * 2) : pollMs;
  setTimeout(poll, wait);
}
setTimeout(poll, pollMs);

port.on('message', (message: ToWorker) => {
  const { id, upTo, request } = message;
  try {
    catchUpTo(upTo);
    const value =
      request.op === 'search' ? queries.search(request) : queries.activityRows(request.taskId, request.fts);
    send({ op: 'answer', id, value });
  } catch (error) {
    send({
      op: 'error',
      id,
      kind: error instanceof QueryError ? 'query' : 'failed',
      message: (error as Error).message,
    });
  }
});

catchUpTo(index.queued());
