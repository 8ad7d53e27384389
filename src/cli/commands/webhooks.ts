// Webhooks from a terminal (owner token): `webhook add|list|rm|deliveries|test`.

import type { OperationInput } from '../../shared/operations/index.ts';
import type { Webhook, WebhookDelivery } from '../../shared/webhooks.ts';
import { bounded, required, str, UsageError } from '../args.ts';
import type { CliCommand } from '../command.ts';

const line = (w: Webhook) => {
  const health = !w.enabled
    ? w.disabled_reason
      ? 'off (failed for 24 h)'
      : 'off'
    : w.failures > 0
      ? `failing ×${w.failures}`
      : 'on';
  const filter = [w.agent_id ? `agent ${w.agent_id}` : '', w.events.join(',')].filter(Boolean).join('; ');
  return `${w.id}  ${health.padEnd(8)}  ${w.url}${filter ? `  (${filter})` : ''}`;
};

const attempt = (d: WebhookDelivery) =>
  `${d.at}  ${d.type.padEnd(18)} ${d.event_id.padEnd(12)} ${String(d.status_code ?? '—').padEnd(4)} ${String(d.duration_ms).padStart(5)} ms${d.error ? `  ${d.error}` : ''}`;

const one = (positionals: string[], verb: string) => {
  if (positionals.length !== 1) throw new UsageError(`webhook ${verb} takes one webhook id`);
  return required(positionals, 0, 'webhook-id');
};

export const webhookCommands: CliCommand[] = [
  {
    words: ['webhook', 'add'],
    usage: 'webhook add <url> [--agent AGENT_ID] [--events TYPE,TYPE] [--description TEXT]',
    summary:
      'Send the events to a URL, signed (Standard Webhooks); prints the secret once. --agent: only that ' +
      "agent's news; --events: only these types",
    options: { agent: { type: 'string' }, events: { type: 'string' }, description: { type: 'string' } },
    async run({ values, positionals, out, client }) {
      if (positionals.length !== 1) throw new UsageError('webhook add takes one URL');
      const events = str(values.events)
        ?.split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      const created = await client().call('webhooks.create', {
        url: required(positionals, 0, 'url'),
        // The client checks each type against the table's schema before sending (exit 2 when unknown).
        events: (events ?? []) as OperationInput<'webhooks.create'>['events'],
        agent_id: str(values.agent),
        description: str(values.description),
      });
      out.result(
        created,
        (w) => `Added ${line(w)}\nSecret (shown only now; verify each request with it):\n  ${w.secret}`,
      );
      return 0;
    },
  },
  {
    words: ['webhook', 'list'],
    usage: 'webhook list',
    summary: 'The webhooks, their filters and health (never their secrets)',
    async run({ positionals, out, client }) {
      if (positionals.length > 0) throw new UsageError('webhook list takes no arguments');
      const list = await client().call('webhooks.list', {});
      out.result(list, (all) => (all.length ? all.map(line).join('\n') : 'No webhooks.'));
      return 0;
    },
  },
  {
    words: ['webhook', 'rm'],
    usage: 'webhook rm <webhook-id>',
    summary: 'Remove a webhook (nothing more is sent to it)',
    async run({ positionals, out, client }) {
      const removed = await client().call('webhooks.delete', { id: one(positionals, 'rm') });
      out.result(removed, (r) => `Removed webhook ${r.id}`);
      return 0;
    },
  },
  {
    words: ['webhook', 'deliveries'],
    usage: 'webhook deliveries <webhook-id> [--limit N]',
    summary: 'The latest delivery attempts, newest first: event, status or error, duration',
    options: { limit: { type: 'string' } },
    async run({ values, positionals, out, client }) {
      const list = await client().call('webhooks.deliveries', {
        id: one(positionals, 'deliveries'),
        limit: bounded(values.limit, 'limit', 1, 100) ?? 20,
      });
      out.result(list, (all) => (all.length ? all.map(attempt).join('\n') : 'No attempts yet.'));
      return 0;
    },
  },
  {
    words: ['webhook', 'test'],
    usage: 'webhook test <webhook-id>',
    summary: 'Send a ping now; exit 1 unless the receiver accepted it (2xx)',
    async run({ positionals, out, client }) {
      const ping = await client().call('webhooks.test', { id: one(positionals, 'test') });
      out.result(ping, attempt);
      return ping.error ? 1 : 0;
    },
  },
];
