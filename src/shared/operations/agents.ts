// Operations on agents and their sessions, and the board snapshot.
import { z } from 'zod';
import { Agent, DonePage, Session, Snapshot } from '../entities.ts';
import { AgentCreate, AgentPatch, Id, SessionListQuery, SessionPatch } from '../inputs.ts';
import { defineOperation } from '../operation.ts';
import * as ex from './examples.ts';
import { Deleted } from './tasks.ts';

const ById = z.strictObject({ id: Id });
const operator = 'The operator manages agents from the board; agents need only list_agents';

/** Ends a sub-agent session: the `status` of SessionPatch without `active`. */
const SubagentEnd = z.strictObject({
  id: Id.describe('The session id (the `id` register_subagent answered, not openclaw_session_id)'),
  status: z.enum(['completed', 'failed']).default('completed'),
});

export const agentOperations = {
  snapshot: defineOperation({
    input: z.strictObject({}),
    output: Snapshot,
    access: 'read',
    http: { method: 'GET', path: '/api/snapshot', status: 200 },
    mcp: { omit: 'The whole board is too large for an agent context; list_tasks filters it' },
    ipc: true,
    docs: {
      tag: 'events',
      id: 'getSnapshot',
      summary: 'Board snapshot with its last event id',
      description:
        'Load this, then follow the stream from `last_event_id` with no gap. `tasks` holds every task ' +
        'not done and the newest done ones (by `updated_at`); `done_total` counts all done tasks and ' +
        '`done_next` pages through the older ones (`GET /api/snapshot/done`).',
      result: ex.snapshot,
      errors: [],
    },
  }),
  'snapshot.done': defineOperation({
    input: z.strictObject({
      before: z
        .string()
        .max(512)
        .optional()
        .describe("The cursor `done_next` or a page's `next` gave; without it, the newest done tasks"),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
    output: DonePage,
    access: 'read',
    http: { method: 'GET', path: '/api/snapshot/done', status: 200 },
    mcp: { omit: "Paging the board's Done column is for boards; list_tasks with status done answers agents" },
    ipc: true,
    docs: {
      tag: 'events',
      id: 'getSnapshotDone',
      summary: 'Older done tasks, a page at a time',
      description:
        'Done tasks older than the cursor, newest first by `updated_at` then `id` (keyset, so pages ' +
        'neither repeat nor skip a task while others move cards). `limit` defaults to 150. Tasks that ' +
        'change after the snapshot arrive on the stream instead; `next` is null on the last page.',
      result: ex.donePage,
      errors: [400],
    },
  }),
  'agents.list': defineOperation({
    input: z.strictObject({}),
    output: z.array(Agent),
    access: 'read',
    http: { method: 'GET', path: '/api/agents', status: 200 },
    mcp: {
      tool: 'list_agents',
      title: 'List agents',
      description: 'The agents known to the board (use their ids for assigned_agent_id and agent_id).',
      wrap: 'agents',
    },
    ipc: true,
    docs: { tag: 'agents', id: 'listAgents', summary: 'List agents', result: [ex.agent], errors: [] },
  }),
  'agents.get': defineOperation({
    input: ById,
    output: Agent,
    access: 'read',
    http: { method: 'GET', path: '/api/agents/:id', status: 200 },
    mcp: { omit: 'list_agents answers every agent at once' },
    ipc: true,
    docs: { tag: 'agents', id: 'getAgent', summary: 'Get an agent', result: ex.agent, errors: [404] },
  }),
  'agents.create': defineOperation({
    input: AgentCreate,
    output: Agent,
    access: 'write',
    http: { method: 'POST', path: '/api/agents', status: 201 },
    mcp: {
      tool: 'create_agent',
      title: 'Create an agent',
      description: 'Adds an agent to the board (name required; role defaults to "agent").',
    },
    ipc: true,
    docs: {
      tag: 'agents',
      id: 'createAgent',
      summary: 'Create an agent',
      body: ex.input.agentCreate,
      result: ex.agent,
      errors: [400],
    },
  }),
  'agents.heartbeat': defineOperation({
    input: z.strictObject({ id: Id }),
    output: Agent,
    access: 'write',
    http: { method: 'POST', path: '/api/agents/:id/heartbeat', status: 200 },
    mcp: {
      tool: 'heartbeat',
      title: 'Heartbeat',
      description:
        'Says the agent is alive (presence online) and renews every lease it holds. Send every 30-60 s.',
    },
    ipc: { omit: 'The desktop window is the operator, not an agent' },
    docs: {
      tag: 'agents',
      id: 'agentHeartbeat',
      summary: 'Agent heartbeat',
      description:
        'Marks the agent seen (`presence` online; away after 90 s of silence, offline after 10 min) and ' +
        'renews every lease it holds. Changes of presence are `agent_updated` events; a beat that ' +
        'changes nothing visible emits none.',
      result: ex.agent,
      errors: [404],
    },
  }),
  'agents.update': defineOperation({
    input: z.strictObject({ id: Id, changes: AgentPatch }),
    output: Agent,
    access: 'write',
    http: { method: 'PATCH', path: '/api/agents/:id', status: 200, body: 'changes' },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag: 'agents',
      id: 'updateAgent',
      summary: 'Update an agent',
      body: ex.input.agentPatch,
      result: ex.agent,
      errors: [400, 404],
    },
  }),
  'agents.delete': defineOperation({
    input: ById,
    output: Deleted,
    access: 'write',
    http: { method: 'DELETE', path: '/api/agents/:id', status: 200 },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag: 'agents',
      id: 'deleteAgent',
      summary: 'Delete an agent',
      description: 'Tasks and sessions keep existing; their references to the agent become null.',
      result: { id: ex.ids.developer },
      errors: [404],
    },
  }),
  'sessions.list': defineOperation({
    input: SessionListQuery.strict(),
    output: z.array(Session),
    access: 'read',
    http: { method: 'GET', path: '/api/openclaw/sessions', status: 200 },
    mcp: {
      tool: 'list_sessions',
      title: 'List sessions',
      description: 'Agent sessions, filtered by session_type (subagent/persistent), status or task_id.',
      wrap: 'sessions',
    },
    ipc: true,
    docs: {
      tag: 'sessions',
      id: 'listSessions',
      summary: 'List sessions',
      result: [ex.session],
      errors: [400],
    },
  }),
  'sessions.get': defineOperation({
    input: ById,
    output: Session,
    access: 'read',
    http: { method: 'GET', path: '/api/openclaw/sessions/:id', status: 200 },
    mcp: { omit: 'register_subagent and end_subagent answer the session; list_sessions finds it' },
    ipc: true,
    docs: { tag: 'sessions', id: 'getSession', summary: 'Get a session', result: ex.session, errors: [404] },
  }),
  'sessions.heartbeat': defineOperation({
    input: z.strictObject({ id: Id }),
    output: Session,
    access: 'write',
    http: { method: 'POST', path: '/api/openclaw/sessions/:id/heartbeat', status: 200 },
    mcp: {
      omit: 'heartbeat (the agent) keeps an agent and its leases alive; run beats its sessions over HTTP',
    },
    ipc: { omit: 'The desktop window is the operator, not a session' },
    docs: {
      tag: 'sessions',
      id: 'sessionHeartbeat',
      summary: 'Session heartbeat',
      description:
        'Keeps a session with `heartbeat_ttl_s` from going `stale`, and makes a stale one active again. ' +
        'The id may be ours or the `openclaw_session_id`. An ended session answers 409 `session_ended`.',
      result: ex.session,
      errors: [404, 409],
    },
  }),
  'sessions.update': defineOperation({
    input: z.strictObject({ id: Id, changes: SessionPatch }),
    output: Session,
    access: 'write',
    http: { method: 'PATCH', path: '/api/openclaw/sessions/:id', status: 200, body: 'changes' },
    mcp: {
      tool: 'end_subagent',
      title: 'End a sub-agent session',
      description: 'Marks a session completed (default) or failed and records when it ended.',
      adapt: {
        input: SubagentEnd,
        toInput: ({ id, status }: z.output<typeof SubagentEnd>) => ({ id, changes: { status } }),
      },
    },
    ipc: true,
    docs: {
      tag: 'sessions',
      id: 'updateSession',
      summary: 'Update or end a session',
      description: 'Status `completed` or `failed` ends it and sets `ended_at`.',
      body: ex.input.sessionPatch,
      result: ex.endedSession,
      errors: [400, 404],
    },
  }),
};
