// Outbound webhooks (CONTROL_LOOP.md §4). Owner-only: a webhook sends the whole board to a URL, so a
// device token (even read-write) may not add, see or change one.
import { z } from 'zod';
import { Id } from '../inputs.ts';
import { defineOperation } from '../operation.ts';
import {
  Webhook,
  WebhookCreate,
  WebhookDeliveriesQuery,
  WebhookDelivery,
  WebhookPatch,
  WebhookWithSecret,
} from '../webhooks.ts';

const tag = 'webhooks';
const operator = "The operator's administration: agents receive webhooks, they never manage them";
const at = '2026-01-31T12:00:00.000Z';

const example: Webhook = {
  id: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  url: 'https://runner.example.com/hooks/mission-control',
  description: 'Runner for the developer agent',
  events: [],
  agent_id: null,
  enabled: true,
  disabled_reason: null,
  last_event_id: 42,
  failures: 0,
  failing_since: null,
  next_attempt_at: null,
  created_at: at,
  updated_at: at,
};
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const delivery: WebhookDelivery = {
  seq: 12,
  event_id: '43',
  type: 'task_created',
  status_code: 200,
  error: null,
  duration_ms: 18,
  at,
};

export const webhookOperations = {
  'webhooks.list': defineOperation({
    input: z.strictObject({}),
    output: z.array(Webhook),
    access: 'owner',
    http: { method: 'GET', path: '/api/webhooks', status: 200 },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag,
      id: 'listWebhooks',
      summary: 'List webhooks (owner token only; no secrets)',
      result: [example],
      errors: [],
    },
  }),
  'webhooks.create': defineOperation({
    input: WebhookCreate,
    output: WebhookWithSecret,
    access: 'owner',
    http: { method: 'POST', path: '/api/webhooks', status: 201 },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag,
      id: 'createWebhook',
      summary: 'Register a webhook (owner token only); its secret is in this answer only',
      description:
        'Receives the events written after it was created, in order, signed as Standard Webhooks. ' +
        "`events` empty: every type. `agent_id`: only that agent's news (the inbox rule). 422 for a URL " +
        "with credentials, a scheme other than http(s), this server's own address, or an unknown agent.",
      body: { url: example.url, events: ['task_created', 'task_updated'], agent_id: null },
      result: { ...example, secret },
      errors: [400, 422],
    },
  }),
  'webhooks.get': defineOperation({
    input: z.strictObject({ id: Id }),
    output: Webhook,
    access: 'owner',
    http: { method: 'GET', path: '/api/webhooks/:id', status: 200 },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag,
      id: 'getWebhook',
      summary: 'One webhook (owner token only; no secret)',
      result: example,
      errors: [404],
    },
  }),
  'webhooks.update': defineOperation({
    input: z.strictObject({ id: Id, changes: WebhookPatch }),
    output: Webhook.extend({ secret: z.string().optional() }),
    access: 'owner',
    http: { method: 'PATCH', path: '/api/webhooks/:id', status: 200, body: 'changes' },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag,
      id: 'updateWebhook',
      summary: 'Change, turn on or off, or rotate the secret of a webhook (owner token only)',
      description:
        'Turning a webhook on again resumes from its cursor (a `reset` delivery first if the log no longer ' +
        'holds it). `rotate_secret: true` answers the new secret, once; the old one stops signing at once.',
      body: { enabled: true, rotate_secret: true },
      result: { ...example, secret },
      errors: [400, 404, 422],
    },
  }),
  'webhooks.delete': defineOperation({
    input: z.strictObject({ id: Id }),
    output: z.object({ id: z.string() }),
    access: 'owner',
    http: { method: 'DELETE', path: '/api/webhooks/:id', status: 200 },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag,
      id: 'deleteWebhook',
      summary: 'Remove a webhook (owner token only)',
      result: { id: example.id },
      errors: [404],
    },
  }),
  'webhooks.deliveries': defineOperation({
    input: WebhookDeliveriesQuery,
    output: z.array(WebhookDelivery),
    access: 'owner',
    http: { method: 'GET', path: '/api/webhooks/:id/deliveries', status: 200, longPoll: true },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag,
      id: 'listWebhookDeliveries',
      summary: 'The latest delivery attempts of a webhook, newest first (owner token only)',
      description:
        'The last 100 attempts are kept. With `after` (a `seq`) only newer ones; with `wait_s` too, waits ' +
        'up to that long for one (how the Webhooks screen stays live).',
      result: [delivery],
      errors: [400, 404],
    },
  }),
  'webhooks.test': defineOperation({
    input: z.strictObject({ id: Id }),
    output: WebhookDelivery,
    access: 'owner',
    http: { method: 'POST', path: '/api/webhooks/:id/test', status: 200 },
    mcp: { omit: operator },
    ipc: true,
    docs: {
      tag,
      id: 'testWebhook',
      summary: 'Send a `ping` now, outside the event order, and answer the attempt (owner token only)',
      result: { ...delivery, event_id: 'ping_0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f', type: 'ping' },
      errors: [404],
    },
  }),
};
