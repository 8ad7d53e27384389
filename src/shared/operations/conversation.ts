// The human in the loop: comments, review decisions, the agent inbox, the attention list.
import { z } from 'zod';
import { AttentionItem, Comment, Task } from '../entities.ts';
import { REVIEW_DECISIONS } from '../enums.ts';
import { Id, LIMITS } from '../inputs.ts';
import { defineOperation } from '../operation.ts';
import * as ex from './examples.ts';

const Body = z.string().trim().min(1, 'must not be empty').max(LIMITS.text);
const EventId = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const WaitSeconds = z.coerce.number().int().min(0).max(60);
const StreamEventShape = z.object({
  id: z.number().int(),
  type: z.string(),
  payload: z.unknown(),
  created_at: z.string().optional(),
});
const InboxAnswer = z.object({ events: z.array(StreamEventShape), last_event_id: z.number().int() });
const operator = "The operator's list; agents hear what concerns them through wait_for_messages";

export const conversationOperations = {
  'comments.list': defineOperation({
    input: z.strictObject({ task_id: Id }),
    output: z.array(Comment),
    access: 'read',
    http: { method: 'GET', path: '/api/tasks/:id/comments', status: 200, params: { id: 'task_id' } },
    mcp: {
      tool: 'list_comments',
      title: 'List comments',
      description: 'The conversation on a task, oldest first.',
      wrap: 'comments',
    },
    ipc: true,
    docs: {
      tag: 'tasks',
      id: 'listComments',
      summary: 'Comments on a task',
      result: [ex.comment],
      errors: [404],
    },
  }),
  'comments.create': defineOperation({
    input: z.strictObject({ task_id: Id, body: Body, agent_id: Id.nullish() }),
    output: Comment,
    access: 'write',
    http: { method: 'POST', path: '/api/tasks/:id/comments', status: 201, params: { id: 'task_id' } },
    mcp: {
      tool: 'add_comment',
      title: 'Add a comment',
      description:
        'Writes on a task’s conversation; pass your agent_id (without it the comment is the operator’s).',
    },
    ipc: true,
    docs: {
      tag: 'tasks',
      id: 'addComment',
      summary: 'Comment on a task',
      description: '`author` is `agent` when `agent_id` is given, else `operator`. Emits `comment_added`.',
      body: { body: 'The tests pass; ready for a look.', agent_id: ex.ids.developer },
      result: ex.comment,
      errors: [400, 404, 422],
    },
  }),
  'tasks.review': defineOperation({
    input: z.strictObject({ id: Id, decision: z.enum(REVIEW_DECISIONS), comment: Body.nullish() }),
    output: Task,
    access: 'write',
    http: { method: 'POST', path: '/api/tasks/:id/review', status: 200 },
    mcp: {
      tool: 'review_task',
      title: 'Review a task',
      description:
        'For a task in review: approve (→ done) or request_changes (→ back to its assignee) with a comment.',
    },
    ipc: true,
    docs: {
      tag: 'tasks',
      id: 'reviewTask',
      summary: 'Approve a task in review, or request changes',
      description:
        'Approve → `done`. Request changes → `assigned` to the same assignee (its next claim gets it first), ' +
        'the comment stored as an operator comment. Emits `task_updated`, `comment_added` and `review_decided`. ' +
        '409 `not_in_review` unless the task is in review.',
      body: { decision: 'request_changes', comment: 'Please add a test for the empty case.' },
      result: { ...ex.task, status: 'assigned', version: 4 },
      errors: [400, 404, 409],
    },
  }),
  'agents.inbox': defineOperation({
    input: z.strictObject({ id: Id, after: EventId.optional(), wait_s: WaitSeconds.default(0) }),
    output: InboxAnswer,
    access: 'read',
    http: { method: 'GET', path: '/api/agents/:id/inbox', status: 200, longPoll: true },
    mcp: {
      tool: 'wait_for_messages',
      title: 'Wait for messages',
      description:
        'Events for your agent after after_event_id: your tasks changing, comments on them, review decisions. ' +
        'Waits up to wait_s for one. Start without after_event_id to get the cursor.',
      adapt: {
        input: z.strictObject({
          agent_id: Id,
          after_event_id: z.number().int().min(0).optional(),
          wait_s: z.number().int().min(0).max(60).default(0),
        }),
        toInput: ({
          agent_id,
          after_event_id,
          wait_s,
        }: {
          agent_id: string;
          after_event_id?: number;
          wait_s: number;
        }) => ({
          id: agent_id,
          wait_s,
          ...(after_event_id === undefined ? {} : { after: after_event_id }),
        }),
      },
    },
    ipc: { omit: 'The desktop window is the operator, not an agent' },
    docs: {
      tag: 'agents',
      id: 'agentInbox',
      summary: "An agent's inbox (long-poll)",
      description:
        'The events relevant to the agent after `after`: about tasks assigned to it when the event happened ' +
        '(including the one that takes a task away), comments on them not written by it, review decisions on ' +
        'them. At most 500; `last_event_id` is the next `after`. Without `after`: no events and the current ' +
        'cursor. With `wait_s`, waits until there is at least one.',
      result: { events: [ex.reviewEvent], last_event_id: ex.reviewEvent.id },
      errors: [400, 404],
    },
  }),
  'attention.list': defineOperation({
    input: z.strictObject({}),
    output: z.object({ items: z.array(AttentionItem) }),
    access: 'read',
    http: { method: 'GET', path: '/api/attention', status: 200 },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag: 'attention',
      id: 'listAttention',
      summary: 'What needs a person now',
      description:
        'Computed from current state: tasks waiting in review, silent (stale) sessions, sessions failed in the ' +
        'last 24 h, tasks handed back by lease expiry and not claimed since, stuck tasks (3 expiries).',
      result: { items: [ex.attentionItem] },
      errors: [],
    },
  }),
  'attention.dismiss': defineOperation({
    input: z.strictObject({ key: z.string().min(1).max(300) }),
    output: z.object({ key: z.string() }),
    access: 'write',
    http: { method: 'DELETE', path: '/api/attention/:key', status: 200 },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag: 'attention',
      id: 'dismissAttention',
      summary: 'Dismiss an attention item',
      description: 'Hidden until that thing changes again. Emits `attention_dismissed`.',
      result: { key: ex.attentionItem.key },
      errors: [404],
    },
  }),
};
