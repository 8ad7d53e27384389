// The command contract: one entry per command the UI (IPC or HTTP) and tools can send.
// Adding a command is one entry here; the compiler then finds every handler that must follow.
import { z } from 'zod';
import { type Device, DeviceCreate } from './devices.ts';
import type { Activity, Agent, Deliverable, Session, Snapshot, Task } from './entities.ts';
import {
  ActivityCreate,
  ActivityListQuery,
  AgentCreate,
  AgentPatch,
  DeliverableCreate,
  Id,
  SessionListQuery,
  SessionPatch,
  SubagentCreate,
  TaskCreate,
  TaskPatch,
} from './inputs.ts';
import { RemoteSet, type RemoteStatus } from './remote.ts';

const ById = z.strictObject({ id: Id });
const ByTask = z.strictObject({ task_id: Id });

export const COMMAND_INPUTS = {
  snapshot: z.strictObject({}),
  'tasks.create': TaskCreate,
  'tasks.update': z.strictObject({
    id: Id,
    changes: TaskPatch,
    /** The version the caller last saw; a newer one on the server is a conflict. */
    expected_version: z.number().int().min(1).optional(),
  }),
  'tasks.delete': ById,
  'activities.list': ByTask.extend({ order: ActivityListQuery.shape.order.optional() }),
  'activities.create': ByTask.extend({ activity: ActivityCreate }),
  'deliverables.list': ByTask,
  'deliverables.create': ByTask.extend({ deliverable: DeliverableCreate }),
  'sessions.list': SessionListQuery.strict(),
  'sessions.register': ByTask.extend({ session: SubagentCreate }),
  'sessions.update': z.strictObject({ id: Id, changes: SessionPatch }),
  'agents.create': AgentCreate,
  'agents.update': z.strictObject({ id: Id, changes: AgentPatch }),
  'agents.delete': ById,
} as const;

export interface CommandOutputs {
  snapshot: Snapshot;
  'tasks.create': Task;
  'tasks.update': Task;
  'tasks.delete': { id: string };
  'activities.list': Activity[];
  'activities.create': Activity;
  'deliverables.list': Deliverable[];
  'deliverables.create': Deliverable;
  'sessions.list': Session[];
  'sessions.register': Session;
  'sessions.update': Session;
  'agents.create': Agent;
  'agents.update': Agent;
  'agents.delete': { id: string };
}

export type CommandName = keyof typeof COMMAND_INPUTS;
export type CommandInput<C extends CommandName> = z.input<(typeof COMMAND_INPUTS)[C]>;
export type CommandOutput<C extends CommandName> = CommandOutputs[C];
export const COMMAND_NAMES = Object.keys(COMMAND_INPUTS) as CommandName[];

export const isCommandName = (value: unknown): value is CommandName =>
  typeof value === 'string' && Object.hasOwn(COMMAND_INPUTS, value);

/**
 * Commands about the server itself rather than the board: who may connect from other devices.
 * The core cannot run them (they need the listening server): src/core/remote/commands.ts does,
 * over HTTP they are owner-only routes, and a device token gets 403 owner_only.
 */
export const SERVER_COMMAND_INPUTS = {
  'remote.status': z.strictObject({}),
  'remote.set': RemoteSet,
  'devices.list': z.strictObject({}),
  'devices.create': DeviceCreate,
  'devices.revoke': ById,
} as const;

export interface ServerCommandOutputs {
  'remote.status': RemoteStatus;
  'remote.set': RemoteStatus;
  'devices.list': Device[];
  /** The token is in this answer only: the server keeps its hash. */
  'devices.create': { device: Device; token: string };
  'devices.revoke': { id: string };
}

export type ServerCommandName = keyof typeof SERVER_COMMAND_INPUTS;
export const SERVER_COMMAND_NAMES = Object.keys(SERVER_COMMAND_INPUTS) as ServerCommandName[];
export const isServerCommandName = (value: unknown): value is ServerCommandName =>
  typeof value === 'string' && Object.hasOwn(SERVER_COMMAND_INPUTS, value);

/** Every command a UI can send: the board's (core) and the server's. */
export const ALL_COMMAND_INPUTS = { ...COMMAND_INPUTS, ...SERVER_COMMAND_INPUTS };
export type AnyCommandName = CommandName | ServerCommandName;
export type AnyCommandInput<C extends AnyCommandName> = z.input<(typeof ALL_COMMAND_INPUTS)[C]>;
export type AnyCommandOutput<C extends AnyCommandName> = (CommandOutputs & ServerCommandOutputs)[C];

interface HttpCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

const q = (params: Record<string, string | undefined>) => {
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
};
const seg = encodeURIComponent;

/** How each command travels over the HTTP API (used by the browser backend and the CLI). */
export const HTTP_CALLS: {
  [C in AnyCommandName]: (input: z.infer<(typeof ALL_COMMAND_INPUTS)[C]>) => HttpCall;
} = {
  snapshot: () => ({ method: 'GET', path: '/api/snapshot' }),
  'tasks.create': (input) => ({ method: 'POST', path: '/api/tasks', body: input }),
  'tasks.update': ({ id, changes, expected_version }) => ({
    method: 'PATCH',
    path: `/api/tasks/${seg(id)}`,
    body: changes,
    ...(expected_version === undefined ? {} : { headers: { 'if-match': `"${expected_version}"` } }),
  }),
  'tasks.delete': ({ id }) => ({ method: 'DELETE', path: `/api/tasks/${seg(id)}` }),
  'activities.list': ({ task_id, order }) => ({
    method: 'GET',
    path: `/api/tasks/${seg(task_id)}/activities${q({ order })}`,
  }),
  'activities.create': ({ task_id, activity }) => ({
    method: 'POST',
    path: `/api/tasks/${seg(task_id)}/activities`,
    body: activity,
  }),
  'deliverables.list': ({ task_id }) => ({ method: 'GET', path: `/api/tasks/${seg(task_id)}/deliverables` }),
  'deliverables.create': ({ task_id, deliverable }) => ({
    method: 'POST',
    path: `/api/tasks/${seg(task_id)}/deliverables`,
    body: deliverable,
  }),
  'sessions.list': (input) => ({ method: 'GET', path: `/api/openclaw/sessions${q(input)}` }),
  'sessions.register': ({ task_id, session }) => ({
    method: 'POST',
    path: `/api/tasks/${seg(task_id)}/subagent`,
    body: session,
  }),
  'sessions.update': ({ id, changes }) => ({
    method: 'PATCH',
    path: `/api/openclaw/sessions/${seg(id)}`,
    body: changes,
  }),
  'agents.create': (input) => ({ method: 'POST', path: '/api/agents', body: input }),
  'agents.update': ({ id, changes }) => ({ method: 'PATCH', path: `/api/agents/${seg(id)}`, body: changes }),
  'agents.delete': ({ id }) => ({ method: 'DELETE', path: `/api/agents/${seg(id)}` }),
  'remote.status': () => ({ method: 'GET', path: '/api/remote' }),
  'remote.set': (input) => ({ method: 'PUT', path: '/api/remote', body: input }),
  'devices.list': () => ({ method: 'GET', path: '/api/devices' }),
  'devices.create': (input) => ({ method: 'POST', path: '/api/devices', body: input }),
  'devices.revoke': ({ id }) => ({ method: 'DELETE', path: `/api/devices/${seg(id)}` }),
};
