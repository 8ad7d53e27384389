// The Usage view's state and actions: per-day and per-agent sums over a window of days, the model
// prices (read by anyone, saved by the owner), and a task's breakdown for the modal's Usage tab.
// Sums are the server's (exact); the view refetches them when usage is reported while it is open.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Prices, TaskUsageBreakdown, UsageRow } from '../../../shared/usage.ts';
import type { Backend } from '../../backend/backend.ts';

/** The windows the view offers, in days back from today (UTC). */
export const USAGE_WINDOWS = [7, 30, 90] as const;
/** At most one refetch per this many ms while reports keep coming. */
export const USAGE_REFRESH_MS = 1_000;

export interface UsageState {
  days: number;
  /** One row per UTC day that has reports, oldest first. */
  byDay: UsageRow[];
  byAgent: UsageRow[];
  byModel: UsageRow[];
  prices: Prices;
  loaded: boolean;
  busy: boolean;
  error: string | null;
}

export interface UsageController {
  store: StoreApi<UsageState>;
  /** Loads the sums and prices (opening the view). */
  load(): Promise<void>;
  /** Refetches the sums, coalesced (usage reported while the view is open). */
  refresh(): void;
  setDays(days: number): Promise<void>;
  /** Replaces the prices (owner only); rejects with the server's reason. */
  savePrices(prices: Prices): Promise<void>;
  /** A task's usage per session, agent and model. */
  ofTask(taskId: string): Promise<TaskUsageBreakdown>;
}

/** `from` for a window of `days` ending today: the UTC date `days - 1` days before today. */
export const windowStart = (days: number, now = Date.now()): string =>
  new Date(now - (days - 1) * 86_400_000).toISOString().slice(0, 10);

export function createUsageController(backend: Backend): UsageController {
  const store = createStore<UsageState>()(() => ({
    days: 30,
    byDay: [],
    byAgent: [],
    byModel: [],
    prices: {},
    loaded: false,
    busy: false,
    error: null,
  }));
  let pending = false;

  const loadSums = async () => {
    const from = windowStart(store.getState().days);
    const [byDay, byAgent, byModel] = await Promise.all(
      (['day', 'agent', 'model'] as const).map((group_by) =>
        backend.invoke('usage.summary', { group_by, from }),
      ),
    );
    store.setState({
      byDay: byDay?.rows ?? [],
      byAgent: byAgent?.rows ?? [],
      byModel: byModel?.rows ?? [],
      loaded: true,
    });
  };
  const attempt = async (fn: () => Promise<void>, rethrow = false) => {
    store.setState({ busy: true, error: null });
    try {
      await fn();
    } catch (error) {
      store.setState({ error: error instanceof Error ? error.message : String(error) });
      if (rethrow) throw error;
    } finally {
      store.setState({ busy: false });
    }
  };

  return {
    store,
    load: () =>
      attempt(async () => {
        const [prices] = await Promise.all([backend.invoke('prices.get', {}), loadSums()]);
        store.setState({ prices });
      }),
    refresh() {
      if (pending) return;
      pending = true;
      setTimeout(() => {
        pending = false;
        void loadSums().catch(() => {});
      }, USAGE_REFRESH_MS);
    },
    setDays(days) {
      store.setState({ days });
      return attempt(loadSums);
    },
    savePrices: (prices) =>
      attempt(async () => {
        store.setState({ prices: await backend.invoke('prices.set', { prices }) });
      }, true),
    ofTask: (taskId) => backend.invoke('usage.ofTask', { task_id: taskId }),
  };
}
