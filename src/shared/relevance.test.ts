import { describe, expect, it } from 'vitest';
import type { Comment, Task } from './entities.ts';
import { type DomainEvent, EVENT_TYPES, type EventPayloads, type EventType } from './events.ts';
import { isRelevantTo } from './relevance.ts';

const A = 'agent-a';
const B = 'agent-b';
const at = '2030-01-01T00:00:00.000Z';

const task = (assigned: string | null, overrides: Partial<Task> = {}): Task => ({
  id: 'task-1',
  title: 'Ship it',
  description: null,
  status: 'assigned',
  priority: 'normal',
  assigned_agent_id: assigned,
  created_by_agent_id: null,
  due_date: null,
  version: 1,
  created_at: at,
  updated_at: at,
  lease: null,
  claim_count: 0,
  depends_on: [],
  blocked: false,
  usage: { input_tokens: 0, output_tokens: 0, cost_usd: null },
  budget_usd: null,
  over_budget: false,
  ...overrides,
});
const comment = (writer: string | null): Comment => ({
  id: 'comment-1',
  task_id: 'task-1',
  agent_id: writer,
  author: writer ? 'agent' : 'operator',
  body: 'How is it going?',
  created_at: at,
});
const event = <K extends EventType>(type: K, payload: EventPayloads[K]) =>
  ({ id: 1, type, payload, created_at: at }) as DomainEvent;
const updated = (from: string | null, to: string | null) =>
  event('task_updated', { ...task(to), previous_status: 'assigned', previous_assigned_agent_id: from });
const deleted = (assigned: string | null) =>
  event('task_deleted', {
    id: 'task-1',
    assigned_agent_id: assigned,
    removed: { activity_ids: [], deliverable_ids: [], session_ids: [], comment_ids: [] },
  });
const commented = (onTaskOf: string | null, writer: string | null) =>
  event('comment_added', { ...comment(writer), task_assigned_agent_id: onTaskOf });
const decided = (assigned: string | null, decision: 'approve' | 'request_changes') =>
  event('review_decided', {
    task_id: 'task-1',
    decision,
    comment: decision === 'request_changes' ? comment(null) : null,
    task: task(assigned, { status: decision === 'approve' ? 'done' : 'assigned' }),
  });
const session = {
  id: 's1',
  agent_id: A,
  openclaw_session_id: 'oc-1',
  agent_name: 'A',
  channel: null,
  status: 'active' as const,
  session_type: 'subagent' as const,
  task_id: 'task-1',
  created_at: at,
  updated_at: at,
  ended_at: null,
  heartbeat_ttl_s: null,
  last_heartbeat_at: null,
};
const agent = {
  id: A,
  name: 'A',
  role: 'dev',
  description: null,
  avatar_emoji: 'x',
  status: 'working' as const,
  is_master: false,
  created_at: at,
  updated_at: at,
  last_seen_at: null,
  presence: 'online' as const,
};

// [what happened, the event, relevant to A?, relevant to B?]
const rows: Array<[string, DomainEvent, boolean, boolean]> = [
  ['a task created assigned to A', event('task_created', task(A)), true, false],
  ['a task created unassigned', event('task_created', task(null)), false, false],
  ['a task assigned to A (from nobody)', updated(null, A), true, false],
  ["an update of A's task that keeps it A's", updated(A, A), true, false],
  ['the update that takes the task from A to B', updated(A, B), true, true],
  ['the update that takes the task away from A to nobody', updated(A, null), true, false],
  ['an update of an unassigned task', updated(null, null), false, false],
  ['a task deleted while assigned to A', deleted(A), true, false],
  ['an unassigned task deleted', deleted(null), false, false],
  ["the operator's comment on A's task", commented(A, null), true, false],
  ["B's comment on A's task", commented(A, B), true, false],
  ["A's own comment on A's task", commented(A, A), false, false],
  ["A's comment on B's task", commented(B, A), false, true],
  ['a comment on an unassigned task', commented(null, null), false, false],
  ["approval of A's task", decided(A, 'approve'), true, false],
  ["changes requested on A's task", decided(A, 'request_changes'), true, false],
  ["a review decision on B's task", decided(B, 'approve'), false, true],
  ['a review decision on an unassigned task', decided(null, 'request_changes'), false, false],
  [
    "an activity on A's task",
    event('activity_logged', {
      id: 'act',
      task_id: 'task-1',
      agent_id: A,
      activity_type: 'updated',
      message: 'x',
      metadata: null,
      created_at: at,
    }),
    false,
    false,
  ],
  [
    "a deliverable on A's task",
    event('deliverable_added', {
      id: 'd',
      task_id: 'task-1',
      deliverable_type: 'file',
      title: 'x',
      path: null,
      description: null,
      metadata: null,
      created_at: at,
    }),
    false,
    false,
  ],
  ["A's session spawned", event('agent_spawned', session), false, false],
  ["A's session updated", event('session_updated', { ...session, status: 'stale' }), false, false],
  ["A's session completed", event('agent_completed', { ...session, status: 'completed' }), false, false],
  ['agent A created', event('agent_created', agent), false, false],
  ['agent A updated', event('agent_updated', agent), false, false],
  [
    'agent A deleted',
    event('agent_deleted', {
      id: A,
      cleared: {
        assigned_task_ids: ['task-1'],
        created_task_ids: [],
        session_ids: [],
        activity_ids: [],
        comment_ids: [],
      },
    }),
    false,
    false,
  ],
  ['a device revoked', event('device_revoked', { id: 'device' }), false, false],
  [
    'an attention item dismissed',
    event('attention_dismissed', { key: `review:task-1`, since: at }),
    false,
    false,
  ],
  [
    "A's usage report on A's task",
    event('usage_recorded', {
      id: 'u',
      task_id: 'task-1',
      session_id: null,
      agent_id: A,
      model: 'm',
      input_tokens: 1,
      output_tokens: 1,
      cache_read_tokens: 0,
      cache_write_tokens: 0,
      cost_usd: null,
      created_at: at,
      task_usage: null,
      task_over_budget: false,
      task_assigned_agent_id: A,
    }),
    false,
    false,
  ],
  [
    "A's task over budget",
    event('budget_exceeded', { task: task(A, { over_budget: true }), budget_usd: 1, cost_usd: 1 }),
    true,
    false,
  ],
  [
    'a task leased by B, assigned to A, over budget',
    event('budget_exceeded', {
      task: task(A, { lease: { agent_id: B, expires_at: at, lease_s: 60 } }),
      budget_usd: 1,
      cost_usd: 2,
    }),
    true,
    true,
  ],
  [
    "a webhook failing (the owner's administration)",
    event('webhook_health_changed', { webhook_id: 'w1', state: 'failing', failures: 5 }),
    false,
    false,
  ],
];

const table = rows.map(([what, e, forA, forB]) => ({ what, e, forA, forB }));

describe('which events concern an agent', () => {
  it.each(table)('$what: A $forA, B $forB', ({ e, forA, forB }) => {
    expect([isRelevantTo(e, A), isRelevantTo(e, B)]).toEqual([forA, forB]);
  });

  it('has a row for every event type', () => {
    expect(new Set(rows.map(([, e]) => e.type))).toEqual(new Set(EVENT_TYPES));
  });
});
