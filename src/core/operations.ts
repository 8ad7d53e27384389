// The core's handler map: one handler per operation of the table (the compiler insists), and the
// one entry every transport calls: `run(name, input)` parses with the table's schema, then handles.
import type { Snapshot } from '../shared/entities.ts';
import {
  type OperationName,
  type OperationOutput,
  type ParsedInput,
  parseInput,
} from '../shared/operations/index.ts';
import type { Activities } from './domain/activities.ts';
import type { Agents } from './domain/agents.ts';
import type { Attention } from './domain/attention.ts';
import type { Comments } from './domain/comments.ts';
import type { Deliverables } from './domain/deliverables.ts';
import type { Devices } from './domain/devices.ts';
import type { DonePages } from './domain/done-pages.ts';
import type { Inbox } from './domain/inbox.ts';
import type { Leases } from './domain/leases.ts';
import type { Logs } from './domain/logs.ts';
import type { Previews } from './domain/preview.ts';
import type { Review } from './domain/review.ts';
import type { Search } from './domain/search.ts';
import type { Sessions } from './domain/sessions.ts';
import type { Tasks } from './domain/tasks.ts';
import type { Usage } from './domain/usage.ts';
import type { Work } from './domain/work.ts';
import type { Remote } from './remote/remote.ts';
import type { Webhooks } from './webhooks/webhooks.ts';

/** What the handlers work with: the domain services of one core. */
export interface Services {
  tasks: Tasks;
  agents: Agents;
  activities: Activities;
  deliverables: Deliverables;
  sessions: Sessions;
  leases: Leases;
  work: Work;
  comments: Comments;
  review: Review;
  inbox: Inbox;
  attention: Attention;
  devices: Devices;
  remote: Remote;
  webhooks: Webhooks;
  usage: Usage;
  snapshot(): Snapshot;
  logs: Logs;
  search: Search;
  previews: Previews;
  donePages: DonePages;
}

/** What a transport tells a handler besides the input. */
export interface OperationContext {
  /** Aborted when the caller is gone (a long-poll whose client closed the connection). */
  signal?: AbortSignal;
}

/**
 * Board writes answer at once: HTTP runs them inside a group-committed transaction. Long-polls,
 * reads and the owner's server operations may answer later (the LAN switch waits for its listener).
 */
export type Handlers = {
  [N in OperationName]: (
    input: ParsedInput<N>,
    context: OperationContext,
  ) => OperationOutput<N> | Promise<OperationOutput<N>>;
};

export function createHandlers(s: Services): Handlers {
  return {
    'tasks.list': (query) => s.tasks.list(query),
    'tasks.get': ({ id }) => s.tasks.get(id),
    'tasks.create': (input) => s.tasks.create(input),
    'tasks.update': ({ id, changes, expected_version }) => s.tasks.update(id, changes, expected_version),
    'tasks.delete': ({ id }) => s.tasks.remove(id),
    'activities.list': ({ task_id, ...query }) => s.activities.find(task_id, query),
    'activities.create': ({ task_id, activity }) => s.activities.create(task_id, activity),
    'deliverables.list': ({ task_id }) => s.deliverables.list(task_id),
    'deliverables.create': ({ task_id, deliverable }) => s.deliverables.create(task_id, deliverable),
    'deliverables.preview': ({ id }) => s.previews.preview(id),
    search: (query) => s.search.search(query),
    'sessions.ofTask': ({ task_id }) => {
      s.tasks.assertExists(task_id);
      return s.sessions.list({ task_id });
    },
    'sessions.register': ({ task_id, session }) => s.sessions.registerSubagent(task_id, session),
    'work.claim': (input, { signal }) => s.work.claim(input, signal),
    'tasks.renewLease': ({ id, agent_id, lease_s }) => s.leases.renew(id, agent_id, lease_s),
    'tasks.release': ({ id, agent_id }) => s.leases.release(id, agent_id),
    'comments.list': ({ task_id }) => s.comments.list(task_id),
    'comments.create': ({ task_id, ...comment }) => s.comments.create(task_id, comment),
    'tasks.review': ({ id, ...decision }) => s.review.decide(id, decision).task,
    'agents.inbox': ({ id, after, wait_s }, { signal }) => s.inbox.read(id, after, wait_s, signal),
    'attention.list': () => ({ items: s.attention.list() }),
    'attention.dismiss': ({ key }) => s.attention.dismiss(key),
    'usage.reportTask': (input) =>
      s.usage.report({ task_id: input.task_id, session_id: input.session_id }, input),
    'usage.reportSession': (input) => s.usage.report({ session_id: input.session_id }, input),
    'usage.ofTask': ({ task_id }) => s.usage.ofTask(task_id),
    'usage.summary': (query) => s.usage.summary(query),
    'prices.get': () => s.usage.prices(),
    'prices.set': ({ prices }) => s.usage.setPrices(prices),
    snapshot: () => s.snapshot(),
    'snapshot.done': ({ before, limit }) => s.donePages.page(before, limit),
    'agents.list': () => s.agents.list(),
    'agents.get': ({ id }) => s.agents.get(id),
    'agents.create': (input) => s.agents.create(input),
    'agents.heartbeat': ({ id }) => s.work.heartbeat(id),
    'agents.update': ({ id, changes }) => s.agents.update(id, changes),
    'agents.delete': ({ id }) => s.agents.remove(id),
    'sessions.list': (query) => s.sessions.list(query),
    'sessions.get': ({ id }) => s.sessions.get(id),
    'sessions.update': ({ id, changes }) => s.sessions.update(id, changes),
    'sessions.heartbeat': ({ id }) => s.sessions.heartbeat(id),
    'logs.append': ({ id, lines }) => s.logs.append(id, lines),
    'logs.list': ({ id, after_seq, limit }) => s.logs.list(id, after_seq, limit),
    'remote.status': () => s.remote.status(),
    'remote.set': ({ enabled }) => s.remote.setEnabled(enabled),
    'devices.list': () => s.devices.list(),
    'devices.create': (input) => s.devices.create(input),
    'devices.revoke': ({ id }) => ({ id: s.devices.revoke(id).id }),
    'webhooks.list': () => s.webhooks.list(),
    'webhooks.create': (input) => s.webhooks.create(input),
    'webhooks.get': ({ id }) => s.webhooks.get(id),
    'webhooks.update': ({ id, changes }) => s.webhooks.update(id, changes),
    'webhooks.delete': ({ id }) => s.webhooks.remove(id),
    'webhooks.deliveries': ({ id, ...query }, { signal }) => s.webhooks.deliveries(id, query, signal),
    'webhooks.test': ({ id }) => s.webhooks.test(id),
  };
}

/** Runs one operation: parses `input` with its schema (a ZodError on bad input), then its handler. */
export function createRunner(handlers: Handlers) {
  return function run<N extends OperationName>(
    name: N,
    input: unknown,
    context: OperationContext = {},
  ): OperationOutput<N> | Promise<OperationOutput<N>> {
    const handler = handlers[name] as (value: ParsedInput<N>, c: OperationContext) => OperationOutput<N>;
    return handler(parseInput(name, input), context);
  };
}

export type RunOperation = ReturnType<typeof createRunner>;
