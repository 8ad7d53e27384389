// The Done column's older tasks, a page at a time from the cursor the snapshot (then each page) gave.
import type { Backend } from '../backend/backend.ts';
import { mergeDonePage } from '../store/board-data.ts';
import { DONE_PAGE_LOADING } from '../store/selectors.ts';
import type { BoardStore } from '../store/store.ts';

const PAGE_SIZE = 200;

export function createDonePaging(
  backend: Backend,
  store: BoardStore,
  reportError: (title: string, error: unknown) => void,
) {
  /** The cursor whose page failed: scrolling does not ask for it again (the button does). */
  let failed: string | null = null;
  /**
   * Loads the next older page, unless one is loading or every done task is in. `auto` (the column
   * scrolled near its end) skips a page that just failed, so an offline server is not asked in a loop.
   */
  return async function loadOlderDone(auto = false): Promise<void> {
    const { data, loading } = store.getState();
    const before = data.done.next;
    if (!before || loading[DONE_PAGE_LOADING] || (auto && failed === before)) return;
    store.setState((s) => ({ loading: { ...s.loading, [DONE_PAGE_LOADING]: true } }));
    try {
      const page = await backend.invoke('snapshot.done', { before, limit: PAGE_SIZE });
      // Dropped if a new snapshot replaced the cursor meanwhile (mergeDonePage checks `before`).
      store.setState((s) => ({ data: mergeDonePage(s.data, before, page) }));
      failed = null;
    } catch (error) {
      failed = before;
      reportError('Could not load older done tasks', error);
    } finally {
      store.setState((s) => ({ loading: { ...s.loading, [DONE_PAGE_LOADING]: false } }));
    }
  };
}
