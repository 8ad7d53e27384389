// Outbound webhooks (CONTROL_LOOP.md §4): what the owner registers, what a delivery attempt records.
import { z } from 'zod';
import { EVENT_TYPES } from './events.ts';
import { Id } from './inputs.ts';

/** Any well-formed URL here; the core refuses (422) credentials, other schemes and its own address. */
const WebhookUrl = z.url().max(2048);
/** Why a webhook is off besides the owner turning it off. */
export const WEBHOOK_DISABLED_REASONS = ['failing'] as const;

const EventFilter = z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length);

export const Webhook = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  /** Event types delivered; empty: all. */
  events: z.array(z.string()),
  /** Only this agent's news (the inbox rule), or null for every event. */
  agent_id: z.string().nullable(),
  enabled: z.boolean(),
  /** `failing`: turned off after 24 h of failures; null when on, or turned off by the owner. */
  disabled_reason: z.enum(WEBHOOK_DISABLED_REASONS).nullable(),
  /** The last event handled (delivered or filtered out): delivery goes on after it. */
  last_event_id: z.number().int(),
  /** Failed attempts in a row (0 when the last one succeeded). */
  failures: z.number().int(),
  failing_since: z.string().nullable(),
  /** When the pending retry is due, or null. */
  next_attempt_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Webhook = z.infer<typeof Webhook>;

/** The create and rotate answers: the only ones that carry the signing secret. */
export const WebhookWithSecret = Webhook.extend({ secret: z.string() });
export type WebhookWithSecret = z.infer<typeof WebhookWithSecret>;

export const WebhookCreate = z.strictObject({
  url: WebhookUrl,
  events: EventFilter.default([]),
  agent_id: Id.nullish(),
  description: z.string().trim().max(500).nullish(),
});
export type WebhookCreate = z.input<typeof WebhookCreate>;

export const WebhookPatch = z
  .strictObject({
    url: WebhookUrl,
    events: EventFilter,
    agent_id: Id.nullable(),
    description: z.string().trim().max(500).nullable(),
    enabled: z.boolean(),
    /** A new secret, answered once; the old one stops signing at once. */
    rotate_secret: z.literal(true),
  })
  .partial();
export type WebhookPatch = z.input<typeof WebhookPatch>;

/** One delivery attempt. */
export const WebhookDelivery = z.object({
  /** Increasing; `after` of the next long-poll. */
  seq: z.number().int(),
  /** The `webhook-id` sent: the event id, or the ping's or reset's own id. */
  event_id: z.string(),
  /** The event type, `ping` or `reset`. */
  type: z.string(),
  /** The receiver's status, or null when there was none (timeout, connection error). */
  status_code: z.number().int().nullable(),
  /** Why it failed, or null when it was accepted with a 2xx. */
  error: z.string().nullable(),
  duration_ms: z.number().int(),
  at: z.string(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveriesQuery = z.strictObject({
  id: Id,
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Only attempts after this `seq`; with `wait_s`, waits for one. */
  after: z.coerce.number().int().min(0).optional(),
  wait_s: z.coerce.number().int().min(0).max(60).default(0),
});
