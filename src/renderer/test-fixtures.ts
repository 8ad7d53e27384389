// Builders for renderer tests: entities and stream events with sensible defaults.
import type { Agent, AttentionItem, Comment, Deliverable, Session, Task } from '../shared/entities.ts';
import type { DomainEvent, EventPayloads, EventType } from '../shared/events.ts';

const T0 = '2026-01-31T12:00:00.000Z';

export const aTask = (over: Partial<Task> = {}): Task => ({
  id: 't1',
  title: 'Write the parser',
  description: null,
  status: 'inbox',
  priority: 'normal',
  assigned_agent_id: null,
  created_by_agent_id: null,
  due_date: null,
  version: 1,
  created_at: T0,
  updated_at: T0,
  lease: null,
  claim_count: 0,
  depends_on: [],
  blocked: false,
  usage: { input_tokens: 0, output_tokens: 0, cost_usd: null },
  budget_usd: null,
  over_budget: false,
  ...over,
});

export const anAgent = (over: Partial<Agent> = {}): Agent => ({
  id: 'a1',
  name: 'Ada',
  role: 'coder',
  description: null,
  avatar_emoji: '🦊',
  status: 'working',
  is_master: false,
  created_at: T0,
  updated_at: T0,
  last_seen_at: null,
  presence: 'unknown',
  ...over,
});

export const aSession = (over: Partial<Session> = {}): Session => ({
  id: 's1',
  agent_id: null,
  openclaw_session_id: 'oc-1',
  agent_name: 'Helper',
  channel: null,
  status: 'active',
  session_type: 'subagent',
  task_id: 't1',
  created_at: T0,
  updated_at: T0,
  ended_at: null,
  heartbeat_ttl_s: null,
  last_heartbeat_at: null,
  ...over,
});

export const aDeliverable = (over: Partial<Deliverable> = {}): Deliverable => ({
  id: 'd1',
  task_id: 't1',
  deliverable_type: 'file',
  title: 'Report',
  path: '/tmp/report.md',
  description: null,
  metadata: null,
  created_at: T0,
  ...over,
});

export const aComment = (over: Partial<Comment> = {}): Comment => ({
  id: 'c1',
  task_id: 't1',
  agent_id: 'a1',
  author: 'agent',
  body: 'The tests pass; ready for a look.',
  created_at: T0,
  ...over,
});

export const anAttentionItem = (over: Partial<AttentionItem> = {}): AttentionItem => ({
  key: 'review:t1',
  kind: 'review',
  task_id: 't1',
  agent_id: 'a1',
  since: T0,
  message: '"Write the parser" waits for review',
  ...over,
});

export const ev = <K extends EventType>(id: number, type: K, payload: EventPayloads[K]): DomainEvent =>
  ({ id, type, payload, created_at: T0 }) as DomainEvent;
