// The Electron-free application core: one database, one event bus, the domain on top.
import { join } from 'node:path';
import type { Snapshot } from '../shared/entities.ts';
import { closingCheckpoint, DATABASE_FILE, openDatabase } from './db/open.ts';
import { createActivities } from './domain/activities.ts';
import { createAgents } from './domain/agents.ts';
import { createAttention } from './domain/attention.ts';
import { createComments } from './domain/comments.ts';
import { createDeliverables } from './domain/deliverables.ts';
import { createDependencies } from './domain/dependencies.ts';
import { createDevices } from './domain/devices.ts';
import { createDonePages, DONE_WINDOW } from './domain/done-pages.ts';
import { createIdempotency } from './domain/idempotency.ts';
import { createInbox } from './domain/inbox.ts';
import { createLeases } from './domain/leases.ts';
import { createLogs, type LogOptions } from './domain/logs.ts';
import { createPreviews } from './domain/preview.ts';
import { createReview } from './domain/review.ts';
import { createSearch } from './domain/search.ts';
import { createSessions } from './domain/sessions.ts';
import { createTasks } from './domain/tasks.ts';
import { type Clock, Transactions } from './domain/transactions.ts';
import { createUsage } from './domain/usage.ts';
import { createWork } from './domain/work.ts';
import { EventBus } from './events/bus.ts';
import { createHandlers, createRunner } from './operations.ts';
import { createRemote } from './remote/remote.ts';
import { createSearchIndex, type SearchIndexOptions } from './search/client.ts';
import { createSweeper, type Timers } from './sweeper.ts';
import { createWebhooks, type WebhooksOptions } from './webhooks/webhooks.ts';

export interface CoreOptions {
  /** Folder for the database (and, for serve, the token). */
  dataDir: string;
  /** How many events the log keeps for replay; older ones are pruned (clients get `reset`). */
  retainEvents?: number;
  clock?: Clock;
  /** Start the sweeper (default true); tests with a fake clock call `core.sweeper.sweep()` themselves. */
  sweep?: boolean;
  /** The sweeper's timers (tests pass fakes). */
  timers?: Timers;
  /** Session log retention: lines per session, total size (`serve --max-log-mb`). */
  logs?: LogOptions;
  /** Webhook delivery: attempt timeout, jitter (tests shorten and pin them). */
  webhooks?: WebhooksOptions;
  /** The search index's thread: when it starts on its own, how often it looks at the queue. */
  searchIndex?: Omit<SearchIndexOptions, 'file'>;
}

const DEFAULT_RETAINED_EVENTS = 100_000;
/** The full-text index beside the database (core/search/index-db.ts); rebuilt from it when missing. */
export const SEARCH_FILE = 'search.db';

export function createCore(options: CoreOptions) {
  const db = openDatabase(join(options.dataDir, DATABASE_FILE));
  const bus = new EventBus();
  const tx = new Transactions(db, bus, options.clock);
  const retainEvents = options.retainEvents ?? DEFAULT_RETAINED_EVENTS;

  const searchIndex = createSearchIndex(tx, {
    file: join(options.dataDir, SEARCH_FILE),
    ...options.searchIndex,
  });
  const agents = createAgents(tx);
  const dependencies = createDependencies(tx);
  const tasks = createTasks(tx, agents, () => activities, dependencies);
  const activities = createActivities(tx, agents, tasks.assertExists, searchIndex);
  const deliverables = createDeliverables(tx, tasks.assertExists);
  const sessions = createSessions(tx, agents, activities, tasks.assertExists);
  const leases = createLeases(tx, agents, tasks, activities);
  const work = createWork(tx, agents, leases);
  const comments = createComments(tx, agents, tasks);
  const review = createReview(tx, tasks, comments, activities);
  const inbox = createInbox(tx.log, agents);
  const attention = createAttention(tx);
  const webhooks = createWebhooks(tx, agents, options.webhooks);
  const sweeper = createSweeper({ tx, agents, leases, sessions, webhooks: webhooks.engine }, options.timers);
  webhooks.engine.onRetryScheduled = () => sweeper.recheck();
  const idempotency = createIdempotency(tx);
  const devices = createDevices(tx);
  const remote = createRemote(tx);
  const usage = createUsage(tx, agents, tasks, sessions);
  const logs = createLogs(tx, options.logs);
  const search = createSearch(searchIndex);
  const previews = createPreviews(tx);
  const donePages = createDonePages(tx);
  /**
   * Everything a board needs, read in one transaction so it matches `last_event_id` exactly: every
   * task not done and the newest done ones; the Done column asks for older ones (`done_next`).
   */
  const snapshot = (): Snapshot =>
    tx.read(() => {
      const done = donePages.page(undefined, DONE_WINDOW);
      return {
        last_event_id: tx.log.bounds().latest,
        tasks: [...donePages.open(), ...done.tasks],
        done_total: donePages.total(),
        done_next: done.next,
        agents: agents.list(),
        sessions: sessions.list(),
      };
    });
  /** The domain services: what the operation handlers work with, and what the core exposes. */
  const services = {
    tasks,
    agents,
    activities,
    deliverables,
    sessions,
    leases,
    /** Heartbeats and claims that may wait for work. */
    work,
    comments,
    review,
    inbox,
    attention,
    devices,
    /** "Allow other devices on my network"; a started server attaches its listeners to it. */
    remote,
    /** Usage reports, their sums, model prices, task budgets. */
    usage,
    snapshot,
    /** Session logs: lines by seq, live listeners, retention. */
    logs,
    /** Full-text search over tasks, activities, deliverables, comments and logs. */
    search,
    /** File deliverables read from the owner's disk. */
    previews,
    /** The Done column's older pages, after the snapshot's window. */
    donePages,
    /** Outbound webhooks and their delivery engine; a started server tells it its address. */
    webhooks,
  };
  const handlers = createHandlers(services);
  if (options.sweep !== false) sweeper.start();
  webhooks.engine.start();

  const pruneEvents = () => tx.log.prune(retainEvents);
  pruneEvents();
  idempotency.prune();
  // The core's own follower of its events (one listener): pruning, waiting claims, the sweeper.
  // Prune now and then rather than on every write: the log may overshoot by one interval.
  const pruneEvery = Math.max(1, Math.floor(retainEvents / 10));
  let writesSincePrune = 0;
  const unsubscribeCore = bus.subscribe((event) => {
    work.notice(event);
    inbox.notice(event);
    sweeper.notice(event.type);
    webhooks.engine.notice(event);
    if (++writesSincePrune < pruneEvery) return;
    writesSincePrune = 0;
    pruneEvents();
  });

  let closed = false;
  return {
    db,
    bus,
    tx,
    events: tx.log,
    ...services,
    dependencies,
    /** Every time-driven change: lease expiry, silent sessions, presence decay. */
    sweeper,
    idempotency,
    pruneEvents,
    /** One handler per operation of the table (src/shared/operations). */
    handlers,
    /** Runs an operation by name on unparsed input: what IPC, MCP and tests call. */
    run: createRunner(handlers),
    close(): void {
      if (closed) return;
      closed = true;
      sweeper.stop();
      work.close(); // waiting claims answer "nothing" rather than hang
      inbox.close();
      webhooks.close(); // attempts in flight are aborted, not recorded
      searchIndex.close(); // queries waiting answer 503; the index catches up on the next start
      tx.flush(); // a group commit still waiting for its turn
      unsubscribeCore();
      closingCheckpoint(db);
      db.close();
    },
  };
}

export type Core = ReturnType<typeof createCore>;
