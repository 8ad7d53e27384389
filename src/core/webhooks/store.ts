// The webhooks' rows: their settings and cursor, their failure streak, and their bounded delivery log.
import type { Webhook, WebhookDelivery } from '../../shared/webhooks.ts';
import type { Transactions } from '../domain/transactions.ts';

/** Attempts kept per webhook; older ones are dropped as new ones are written. */
export const DELIVERIES_KEPT = 100;
const TRIM_EVERY = 10;

export interface WebhookRow {
  id: string;
  url: string;
  description: string | null;
  events: string;
  agent_id: string | null;
  secret: string;
  enabled: 0 | 1;
  disabled_reason: 'failing' | null;
  cursor: number;
  failures: number;
  failing_since: string | null;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

export const toWebhook = (row: WebhookRow): Webhook => ({
  id: row.id,
  url: row.url,
  description: row.description,
  events: JSON.parse(row.events) as string[],
  agent_id: row.agent_id,
  enabled: row.enabled === 1,
  disabled_reason: row.disabled_reason,
  last_event_id: row.cursor,
  failures: row.failures,
  failing_since: row.failing_since,
  next_attempt_at: row.next_attempt_at,
  created_at: row.created_at,
  updated_at: row.updated_at,
});

export type NewDelivery = Omit<WebhookDelivery, 'seq'>;

export function createWebhookStore(tx: Transactions) {
  const { db } = tx;
  const sql = {
    all: db.prepare<[], WebhookRow>('SELECT * FROM webhooks ORDER BY created_at, id'),
    enabled: db.prepare<[], WebhookRow>('SELECT * FROM webhooks WHERE enabled = 1'),
    one: db.prepare<[string], WebhookRow>('SELECT * FROM webhooks WHERE id = ?'),
    insert: db.prepare(`INSERT INTO webhooks (id, url, description, events, agent_id, secret, enabled,
      cursor, created_at, updated_at) VALUES (@id, @url, @description, @events, @agent_id, @secret, 1,
      @cursor, @created_at, @updated_at)`),
    update: db.prepare(`UPDATE webhooks SET url = @url, description = @description, events = @events,
      agent_id = @agent_id, secret = @secret, enabled = @enabled, disabled_reason = @disabled_reason,
      failures = @failures, failing_since = @failing_since, next_attempt_at = @next_attempt_at,
      updated_at = @updated_at WHERE id = @id`),
    remove: db.prepare<[string]>('DELETE FROM webhooks WHERE id = ?'),
    setCursor: db.prepare<[number, string]>('UPDATE webhooks SET cursor = ? WHERE id = ?'),
    cursor: db.prepare<[number, string, number]>(
      'UPDATE webhooks SET cursor = ? WHERE id = ? AND cursor < ?',
    ),
    outcome: db.prepare(`UPDATE webhooks SET failures = @failures, failing_since = @failing_since,
      next_attempt_at = @next_attempt_at, enabled = @enabled, disabled_reason = @disabled_reason,
      updated_at = CASE WHEN @enabled = enabled THEN updated_at ELSE @at END WHERE id = @id`),
    retries: db.prepare<[], { id: string; next_attempt_at: string }>(
      'SELECT id, next_attempt_at FROM webhooks WHERE enabled = 1 AND next_attempt_at IS NOT NULL',
    ),
    dueNow: db.prepare<[string], { id: string }>(
      'SELECT id FROM webhooks WHERE enabled = 1 AND next_attempt_at <= ?',
    ),
    clearBackoff: db.prepare(
      'UPDATE webhooks SET next_attempt_at = NULL WHERE enabled = 1 AND next_attempt_at IS NOT NULL',
    ),
    addDelivery: db.prepare(`INSERT INTO webhook_deliveries (webhook_id, event_id, type, status_code, error,
      duration_ms, at) VALUES (@webhook_id, @event_id, @type, @status_code, @error, @duration_ms, @at)`),
    trim: db.prepare<[string, string, number]>(`DELETE FROM webhook_deliveries WHERE webhook_id = ? AND seq <=
      (SELECT seq FROM webhook_deliveries WHERE webhook_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`),
    deliveries: db.prepare<
      [string, number, number],
      WebhookDelivery
    >(`SELECT seq, event_id, type, status_code,
      error, duration_ms, at FROM webhook_deliveries WHERE webhook_id = ? AND seq > ?
      ORDER BY seq DESC LIMIT ?`),
  };

  const inserted = new Map<string, number>();

  return {
    all: (): WebhookRow[] => sql.all.all(),
    enabled: (): WebhookRow[] => sql.enabled.all(),
    find: (id: string): WebhookRow | undefined => sql.one.get(id),
    insert: (
      row: Omit<WebhookRow, 'enabled' | 'disabled_reason' | 'failures' | 'failing_since' | 'next_attempt_at'>,
    ) => sql.insert.run(row),
    update: (row: WebhookRow) => sql.update.run(row),
    remove: (id: string): boolean => sql.remove.run(id).changes > 0,
    /** Moves the cursor forward only (a late write never moves it back). */
    advance: (id: string, cursor: number) => sql.cursor.run(cursor, id, cursor),
    /** After a reset: where the log goes on, even behind the old cursor. */
    setCursor: (id: string, cursor: number) => sql.setCursor.run(cursor, id),
    outcome: (row: {
      id: string;
      failures: number;
      failing_since: string | null;
      next_attempt_at: string | null;
      enabled: 0 | 1;
      disabled_reason: 'failing' | null;
      at: string;
    }) => sql.outcome.run(row),
    /** Pending retries of enabled webhooks. */
    retries: () => sql.retries.all(),
    dueNow: (now: string): string[] => sql.dueNow.all(now).map((r) => r.id),
    clearBackoff: () => sql.clearBackoff.run(),
    addDelivery: (webhookId: string, delivery: NewDelivery) => {
      sql.addDelivery.run({ webhook_id: webhookId, ...delivery });
      // Trimmed every TRIM_EVERY attempts, not each one: the log holds 100 to 100 + TRIM_EVERY.
      const n = (inserted.get(webhookId) ?? 0) + 1;
      inserted.set(webhookId, n % TRIM_EVERY);
      if (n >= TRIM_EVERY) sql.trim.run(webhookId, webhookId, DELIVERIES_KEPT);
    },
    /** Newest first. */
    deliveries: (id: string, after: number, limit: number): WebhookDelivery[] =>
      sql.deliveries.all(id, after, limit),
  };
}

export type WebhookStore = ReturnType<typeof createWebhookStore>;
