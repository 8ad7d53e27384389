// The Webhooks screen's state and actions: the list, the secret shown once after adding, on/off,
// remove, send a test, and the selected webhook's latest attempts kept live by a long-poll while the
// screen is open (attempts are not board events: they never travel on the event stream).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Webhook, WebhookCreate, WebhookDelivery, WebhookWithSecret } from '../../../shared/webhooks.ts';
import type { Backend } from '../../backend/backend.ts';

export const SHOWN_DELIVERIES = 20;
/** How long one long-poll waits for a new attempt. */
const WAIT_S = 20;
const RETRY_MS = 3000;

export interface WebhooksState {
  webhooks: Webhook[];
  loaded: boolean;
  selected: string | null;
  /** The selected webhook's latest attempts, newest first. */
  deliveries: WebhookDelivery[];
  /** The webhook just added (or rotated), with its secret: shown once, forgotten when the screen closes. */
  issued: WebhookWithSecret | null;
  busy: boolean;
  error: string | null;
}

export interface WebhooksController {
  store: StoreApi<WebhooksState>;
  /** Loads the list and follows the selected webhook's attempts until `close`. */
  open(): Promise<void>;
  close(): void;
  select(id: string): Promise<void>;
  add(input: WebhookCreate): Promise<void>;
  setEnabled(id: string, enabled: boolean): Promise<void>;
  remove(id: string): Promise<void>;
  test(id: string): Promise<void>;
  /** Forgets the shown secret. */
  forget(): void;
}

export function createWebhooksController(backend: Backend): WebhooksController {
  const store = createStore<WebhooksState>()(() => ({
    webhooks: [],
    loaded: false,
    selected: null,
    deliveries: [],
    issued: null,
    busy: false,
    error: null,
  }));
  let following = false;
  /** Bumped on every open and selection: a long-poll for an older one drops its answer. */
  let generation = 0;

  const attempt = async (fn: () => Promise<Partial<WebhooksState> | undefined>) => {
    store.setState({ busy: true, error: null });
    try {
      const next = await fn();
      if (next) store.setState(next);
    } catch (error) {
      store.setState({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      store.setState({ busy: false });
    }
  };
  const refreshList = async () => {
    const webhooks = await backend.invoke('webhooks.list', {});
    const { selected } = store.getState();
    const still = webhooks.some((w) => w.id === selected) ? selected : (webhooks[0]?.id ?? null);
    store.setState({
      webhooks,
      loaded: true,
      selected: still,
      ...(still === selected ? {} : { deliveries: [] }),
    });
  };
  const merge = (fresh: WebhookDelivery[]) => {
    const seen = new Set(fresh.map((d) => d.seq));
    const kept = store.getState().deliveries.filter((d) => !seen.has(d.seq));
    return [...fresh, ...kept].sort((a, b) => b.seq - a.seq).slice(0, SHOWN_DELIVERIES);
  };

  async function follow(mine: number): Promise<void> {
    let first = true;
    while (following && mine === generation) {
      const { selected, deliveries } = store.getState();
      if (!selected) return;
      try {
        // First the latest attempts at once, then wait for newer ones.
        const fresh = await backend.invoke('webhooks.deliveries', {
          id: selected,
          limit: SHOWN_DELIVERIES,
          after: deliveries[0]?.seq ?? 0,
          wait_s: first ? 0 : WAIT_S,
        });
        first = false;
        if (mine !== generation || !following) return;
        if (fresh.length > 0) {
          store.setState({ deliveries: merge(fresh) });
          // An attempt may have changed the webhook's health (failures, turned off): the list shows it.
          await refreshList();
        }
      } catch {
        await new Promise((r) => setTimeout(r, RETRY_MS));
      }
    }
  }

  const restart = () => {
    generation++;
    if (following) void follow(generation);
  };

  return {
    store,
    async open() {
      following = true;
      await attempt(async () => {
        await refreshList();
        return undefined;
      });
      store.setState({ deliveries: [] });
      restart();
    },
    close() {
      following = false;
      generation++;
      store.setState({ issued: null, error: null });
    },
    async select(id) {
      if (store.getState().selected === id) return;
      store.setState({ selected: id, deliveries: [] });
      restart();
    },
    add: (input) =>
      attempt(async () => {
        const created = await backend.invoke('webhooks.create', input);
        await refreshList();
        store.setState({ selected: created.id, deliveries: [] });
        restart();
        return { issued: created };
      }),
    setEnabled: (id, enabled) =>
      attempt(async () => {
        await backend.invoke('webhooks.update', { id, changes: { enabled } });
        await refreshList();
        return undefined;
      }),
    remove: (id) =>
      attempt(async () => {
        await backend.invoke('webhooks.delete', { id });
        const issued = store.getState().issued;
        await refreshList();
        restart();
        return issued?.id === id ? { issued: null } : undefined;
      }),
    test: (id) =>
      attempt(async () => {
        await backend.invoke('webhooks.test', { id });
        // The live follow shows the ping; a screen following another webhook selects this one.
        if (store.getState().selected !== id) {
          store.setState({ selected: id, deliveries: [] });
          restart();
        }
        return undefined;
      }),
    forget: () => store.setState({ issued: null, error: null }),
  };
}
