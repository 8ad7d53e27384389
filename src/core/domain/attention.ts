// The attention list: what needs a person now, computed from current state (never stored), minus
// what the operator dismissed until that thing changes again (a new `since`).
import type { AttentionItem } from '../../shared/entities.ts';
import { formatUsd, fromMicros } from '../../shared/money.ts';
import { FAILING_AFTER } from '../webhooks/outcomes.ts';
import { notFound } from './errors.ts';
import { STUCK_AFTER } from './leases.ts';
import type { Transactions } from './transactions.ts';

/** Failed sessions stay on the list this long. */
export const FAILED_WINDOW_MS = 24 * 60 * 60_000;

interface Row {
  kind: AttentionItem['kind'];
  id: string;
  task_id: string | null;
  agent_id: string | null;
  since: string;
  title: string;
  extra: number | null;
}

/** Only the host: the attention list reaches devices, and a URL's path or query may hold the receiver's secret. */
const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
};

export function createAttention(tx: Transactions) {
  const { db } = tx;
  // One statement, each branch on an index: review (status), sessions (status), expiries (expired_at),
  // over budget (idx_tasks_over_budget).
  const current = db.prepare<{ failed_after: string; stuck: number; failing: number }, Row>(`
    SELECT 'review' AS kind, t.id, t.id AS task_id, t.assigned_agent_id AS agent_id,
           coalesce(t.status_changed_at, t.updated_at) AS since,
           t.title, NULL AS extra
      FROM tasks t WHERE t.status = 'review'
    UNION ALL
    SELECT 'stale_session', s.id, s.task_id, s.agent_id, s.updated_at,
           coalesce(s.agent_name, s.openclaw_session_id), s.heartbeat_ttl_s
      FROM openclaw_sessions s WHERE s.status = 'stale'
    UNION ALL
    SELECT 'failed_session', s.id, s.task_id, s.agent_id, s.ended_at,
           coalesce(s.agent_name, s.openclaw_session_id), NULL
      FROM openclaw_sessions s WHERE s.status = 'failed' AND s.ended_at >= @failed_after
    UNION ALL
    SELECT CASE WHEN t.expiry_count >= @stuck THEN 'stuck' ELSE 'lease_expired' END, t.id, t.id,
           t.assigned_agent_id, t.expired_at, t.title, t.expiry_count
      FROM tasks t WHERE t.expired_at IS NOT NULL AND t.status IN ('inbox', 'assigned')
    UNION ALL
    SELECT 'over_budget', t.id, t.id, t.assigned_agent_id, t.over_budget_at, t.title, t.usage_cost_micros
      FROM tasks t WHERE t.over_budget_at IS NOT NULL AND t.status <> 'done'
    UNION ALL
    SELECT 'webhook_failing', w.id, NULL, w.agent_id,
           CASE WHEN w.enabled = 0 THEN w.updated_at ELSE w.failing_since END, w.url,
           CASE WHEN w.enabled = 0 THEN -1 ELSE w.failures END
      FROM webhooks w WHERE w.failures >= @failing
    ORDER BY since`);
  const dismissed = db.prepare<[], { key: string; since: string }>(
    'SELECT key, since FROM attention_dismissals',
  );
  const dismiss =
    db.prepare(`INSERT INTO attention_dismissals (key, since, dismissed_at) VALUES (@key, @since, @at)
    ON CONFLICT (key) DO UPDATE SET since = excluded.since, dismissed_at = excluded.dismissed_at`);

  const message = (row: Row): string => {
    switch (row.kind) {
      case 'review':
        return `"${row.title}" waits for review`;
      case 'stale_session':
        return `${row.title} went silent (no heartbeat for ${row.extra ?? 0} s)`;
      case 'failed_session':
        return `${row.title} failed`;
      case 'lease_expired':
        return `"${row.title}" was handed back: its lease expired`;
      case 'stuck':
        return `"${row.title}" is stuck: its lease expired ${row.extra ?? STUCK_AFTER} times`;
      case 'over_budget':
        return `"${row.title}" reached its budget (${formatUsd(fromMicros(row.extra ?? 0))} spent)`;
      case 'webhook_failing':
        return row.extra === -1
          ? `Webhook to ${hostOf(row.title)} was turned off after 24 h of failures`
          : `Webhook to ${hostOf(row.title)} is failing (${row.extra ?? FAILING_AFTER} attempts in a row)`;
    }
  };
  const toItem = (row: Row): AttentionItem => ({
    key: `${row.kind}:${row.id}`,
    kind: row.kind,
    ...(row.task_id ? { task_id: row.task_id } : {}),
    ...(row.kind.endsWith('session') ? { session_id: row.id } : {}),
    ...(row.agent_id ? { agent_id: row.agent_id } : {}),
    ...(row.kind === 'webhook_failing' ? { webhook_id: row.id } : {}),
    since: row.since,
    message: message(row),
  });

  const list = (): AttentionItem[] =>
    tx.read(() => {
      const hidden = new Map(dismissed.all().map((d) => [d.key, d.since]));
      const failedAfter = new Date(Date.parse(tx.now()) - FAILED_WINDOW_MS).toISOString();
      return current
        .all({ failed_after: failedAfter, stuck: STUCK_AFTER, failing: FAILING_AFTER })
        .map(toItem)
        .filter((item) => hidden.get(item.key) !== item.since);
    });

  return {
    list,
    /** Hides the item until its subject changes again; 404 when no such item is on the list. */
    dismiss(key: string): { key: string } {
      return tx.write(() => {
        const item = list().find((i) => i.key === key);
        if (!item) throw notFound('attention item', key);
        const at = tx.now();
        dismiss.run({ key, since: item.since, at });
        tx.emit('attention_dismissed', { key, since: item.since }, at);
        return { key };
      });
    },
  };
}

export type Attention = ReturnType<typeof createAttention>;
