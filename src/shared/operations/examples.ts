// Example values for the operation docs (OpenAPI); a test parses each one with the schema it illustrates.
import type { Device } from '../devices.ts';
import type {
  Activity,
  Agent,
  AttentionItem,
  Comment,
  Deliverable,
  DonePage,
  Session,
  Snapshot,
  Task,
} from '../entities.ts';
import type { RemoteStatus } from '../remote.ts';

const at = '2026-01-31T12:00:00.000Z';
const later = '2026-01-31T12:05:00.000Z';
export const ids = {
  task: '0b6f4a3e-5a43-4a7c-9a64-2f1d1c3a9e10',
  orchestrator: '5e2f0a51-0d8c-4a39-8f7e-1a9b3c4d5e6f',
  developer: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
  activity: 'c3f8a9b0-1d2e-4f3a-8b4c-5d6e7f8a9b0c',
  deliverable: 'd4e5f6a7-b8c9-4dae-8f01-23456789abcd',
  session: 'e5f6a7b8-c9d0-4e1f-9a2b-3c4d5e6f7a8b',
} as const;

export const task: Task = {
  id: ids.task,
  title: 'Build feature X',
  description: null,
  status: 'assigned',
  priority: 'normal',
  assigned_agent_id: ids.developer,
  created_by_agent_id: ids.orchestrator,
  due_date: null,
  version: 2,
  created_at: at,
  updated_at: later,
  lease: null,
  claim_count: 0,
  depends_on: [],
  blocked: false,
  usage: { input_tokens: 182_000, output_tokens: 24_500, cost_usd: 0.913 },
  budget_usd: 5,
  over_budget: false,
};

export const usageRecord = {
  id: 'f6a7b8c9-d0e1-4f2a-8b3c-4d5e6f7a8b9c',
  task_id: ids.task,
  session_id: ids.session,
  agent_id: ids.developer,
  model: 'claude-sonnet-4',
  input_tokens: 12_000,
  output_tokens: 1_800,
  cache_read_tokens: 40_000,
  cache_write_tokens: 0,
  cost_usd: 0.075,
  created_at: later,
};

export const claimedTask: Task = {
  ...task,
  status: 'in_progress',
  version: 3,
  lease: { agent_id: ids.developer, expires_at: '2026-01-31T12:10:00.000Z', lease_s: 300 },
  claim_count: 1,
};

export const agent: Agent = {
  id: ids.developer,
  name: 'Developer',
  role: 'developer',
  description: 'Writes the code',
  avatar_emoji: '🛠️',
  status: 'working',
  is_master: false,
  created_at: at,
  updated_at: later,
  last_seen_at: later,
  presence: 'online',
};

export const activity: Activity = {
  id: ids.activity,
  task_id: ids.task,
  agent_id: ids.orchestrator,
  activity_type: 'updated',
  message: 'Triaged and assigned to Developer',
  metadata: null,
  created_at: later,
};

export const deliverable: Deliverable = {
  id: ids.deliverable,
  task_id: ids.task,
  deliverable_type: 'file',
  title: 'Implementation',
  path: '~/code/feature-x.ts',
  description: 'Complete implementation',
  metadata: null,
  created_at: later,
};

export const session: Session = {
  id: ids.session,
  agent_id: null,
  openclaw_session_id: 'subagent-7f3a',
  agent_name: 'Developer Sub-Agent',
  channel: null,
  status: 'active',
  session_type: 'subagent',
  task_id: ids.task,
  created_at: later,
  updated_at: later,
  ended_at: null,
  heartbeat_ttl_s: 60,
  last_heartbeat_at: later,
};

export const endedSession: Session = { ...session, status: 'completed', updated_at: later, ended_at: later };

export const snapshot: Snapshot = {
  last_event_id: 42,
  tasks: [task],
  done_total: 1250,
  done_next: 'WyIyMDI2LTA0LTAxVDA5OjMwOjAwLjAwMFoiLCIwMTk2NTQzMiJd',
  agents: [agent],
  sessions: [session],
};
export const donePage: DonePage = { tasks: [{ ...task, status: 'done' }], next: null };

export const input = {
  taskCreate: { title: 'Build feature X', status: 'inbox' },
  taskPatch: { status: 'assigned', assigned_agent_id: ids.developer },
  agentCreate: { name: 'Developer', role: 'developer', avatar_emoji: '🛠️' },
  agentPatch: { status: 'working' },
  activityCreate: {
    activity_type: 'updated',
    message: 'Triaged and assigned to Developer',
    agent_id: ids.orchestrator,
  },
  deliverableCreate: {
    deliverable_type: 'file',
    title: 'Implementation',
    path: '~/code/feature-x.ts',
    description: 'Complete implementation',
  },
  subagentCreate: { openclaw_session_id: 'subagent-7f3a', agent_name: 'Developer Sub-Agent' },
  sessionPatch: { status: 'completed' },
  authSession: { token: '<the token from the data dir>' },
} as const;

export const sseExample = `retry: 2000

id: 42
data: {"type":"task_updated","payload":${JSON.stringify(task)}}

: ping
`;

export const mcpExample = {
  request: {
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/call',
    params: { name: 'create_task', arguments: { title: 'Build feature X' } },
  },
  response: {
    jsonrpc: '2.0',
    id: 1,
    result: {
      content: [{ type: 'text', text: JSON.stringify(task) }],
      structuredContent: task,
    },
  },
};

export const device: Device = {
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  name: 'Phone',
  scope: 'read',
  created_at: at,
  last_used_at: null,
  revoked_at: null,
};

export const remoteStatus: RemoteStatus = {
  enabled: true,
  urls: ['http://192.168.1.20:4000'],
  addresses: ['192.168.1.20'],
  fixed: false,
};

export const comment: Comment = {
  id: 'f6a7b8c9-d0e1-4f2a-8b3c-4d5e6f7a8b9c',
  task_id: ids.task,
  agent_id: ids.developer,
  author: 'agent',
  body: 'The tests pass; ready for a look.',
  created_at: later,
};

export const attentionItem: AttentionItem = {
  key: `review:${ids.task}`,
  kind: 'review',
  task_id: ids.task,
  agent_id: ids.developer,
  since: later,
  message: '"Build feature X" waits for review',
};

export const reviewEvent = {
  id: 57,
  type: 'review_decided',
  payload: { task_id: ids.task, decision: 'approve', comment: null, task: { ...task, status: 'done' } },
  created_at: later,
};
