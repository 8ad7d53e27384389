// Webhooks as the owner manages them (register, change, rotate, remove, ping, read the attempts), over
// the delivery engine that sends the event log to each of them.
import type {
  Webhook,
  WebhookCreate,
  WebhookDelivery,
  WebhookPatch,
  WebhookWithSecret,
} from '../../shared/webhooks.ts';
import type { Agents } from '../domain/agents.ts';
import { notFound } from '../domain/errors.ts';
import type { Transactions } from '../domain/transactions.ts';
import { checkWebhookUrl, type ServingAddress } from './address.ts';
import { createEngine, type EngineOptions } from './engine.ts';
import { FAILING_AFTER } from './outcomes.ts';
import { newSecret } from './signature.ts';
import { createWebhookStore, toWebhook, type WebhookRow } from './store.ts';

export type WebhooksOptions = EngineOptions;

interface Waiter {
  id: string;
  wake(): void;
}

export function createWebhooks(tx: Transactions, agents: Agents, options: WebhooksOptions = {}) {
  const store = createWebhookStore(tx);
  const engine = createEngine(tx, store, options);
  let self: ServingAddress | null = null;
  const waiters = new Set<Waiter>();
  engine.onDelivery((id) => {
    for (const waiter of waiters) if (waiter.id === id) waiter.wake();
  });

  const row = (id: string): WebhookRow => {
    const found = store.find(id);
    if (!found) throw notFound('webhook', id);
    return found;
  };

  function create(input: {
    url: string;
    events: string[];
    agent_id?: string | null;
    description?: string | null;
  }): WebhookWithSecret {
    checkWebhookUrl(input.url, self);
    const secret = newSecret();
    const created = tx.write(() => {
      agents.assertExists(input.agent_id, 'agent_id');
      const now = tx.now();
      const id = tx.newId();
      // Inside the write: the events written before this one are behind the cursor, the next ones ahead.
      store.insert({
        id,
        url: input.url,
        description: input.description ?? null,
        events: JSON.stringify(input.events),
        agent_id: input.agent_id ?? null,
        secret,
        cursor: tx.log.bounds().latest,
        created_at: now,
        updated_at: now,
      });
      return toWebhook(row(id));
    });
    engine.changed(created.id);
    return { ...created, secret };
  }

  function update(id: string, patch: WebhookPatch): Webhook & { secret?: string } {
    if (patch.url !== undefined) checkWebhookUrl(patch.url, self);
    const secret = patch.rotate_secret ? newSecret() : undefined;
    const updated = tx.write(() => {
      const current = row(id);
      if (patch.agent_id !== undefined) agents.assertExists(patch.agent_id, 'agent_id');
      const next: WebhookRow = {
        ...current,
        url: patch.url ?? current.url,
        description: patch.description === undefined ? current.description : patch.description,
        events: patch.events ? JSON.stringify(patch.events) : current.events,
        agent_id: patch.agent_id === undefined ? current.agent_id : patch.agent_id,
        secret: secret ?? current.secret,
        updated_at: tx.now(),
      };
      // Turned on again or off by the owner: a fresh start (and off the attention list); the cursor stays.
      if (patch.enabled !== undefined && (patch.enabled ? 1 : 0) !== current.enabled)
        Object.assign(next, {
          enabled: patch.enabled ? 1 : 0,
          disabled_reason: null,
          failures: 0,
          failing_since: null,
          next_attempt_at: null,
        });
      store.update(next);
      if (current.failures >= FAILING_AFTER && next.failures === 0)
        tx.emit('webhook_health_changed', { webhook_id: id, state: 'cleared', failures: 0 });
      return toWebhook(next);
    });
    // Anything that changes what is sent where restarts the lane (an attempt in flight is dropped).
    const { description: _text, ...sending } = patch;
    if (Object.keys(sending).length > 0) engine.changed(id);
    return secret ? { ...updated, secret } : updated;
  }

  function deliveries(
    id: string,
    query: { limit: number; after?: number; wait_s?: number },
    signal?: AbortSignal,
  ): WebhookDelivery[] | Promise<WebhookDelivery[]> {
    row(id);
    const read = () => {
      engine.settle();
      return store.deliveries(id, query.after ?? 0, query.limit);
    };
    const now = read();
    if (now.length > 0 || query.after === undefined || !query.wait_s || signal?.aborted) return now;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        waiters.delete(waiter);
        resolve(store.find(id) ? read() : []);
      };
      const waiter: Waiter = { id, wake: done };
      const timer = setTimeout(done, (query.wait_s ?? 0) * 1000);
      signal?.addEventListener('abort', done, { once: true });
      waiters.add(waiter);
    });
  }

  return {
    list: (): Webhook[] => {
      engine.settle();
      return store.all().map(toWebhook);
    },
    get: (id: string): Webhook => {
      engine.settle();
      return toWebhook(row(id));
    },
    create: (input: WebhookCreate & { events: string[] }) => create(input),
    update,
    remove(id: string): { id: string } {
      const removed = tx.write(() => {
        const current = store.find(id);
        if (current && current.failures >= FAILING_AFTER)
          tx.emit('webhook_health_changed', { webhook_id: id, state: 'cleared', failures: 0 });
        return store.remove(id);
      });
      if (!removed) throw notFound('webhook', id);
      engine.changed(id);
      for (const waiter of waiters) if (waiter.id === id) waiter.wake();
      return { id };
    },
    deliveries,
    /** Sends a `ping` now and answers the attempt. */
    test: (id: string): Promise<WebhookDelivery> => engine.ping(row(id)),
    /** The server tells where it listens, so a webhook to itself can be refused. */
    serving(address: ServingAddress | null): void {
      self = address;
    },
    engine,
    close(): void {
      for (const waiter of waiters) waiter.wake();
      engine.close();
    },
  };
}

export type Webhooks = ReturnType<typeof createWebhooks>;
