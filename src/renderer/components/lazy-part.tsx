// Parts of the page that painting the board does not need (dialogs, drawers, the bell's list, the modal's
// tabs) load on first use. After the board is up they are fetched while the page is idle, so a first click
// rarely waits; a part registered later (a tab, by the modal's own chunk) is fetched as soon as it appears.
import {
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
  useState,
} from 'react';

const loaders: (() => Promise<unknown>)[] = [];
let prefetching = false;

// biome-ignore lint/suspicious/noExplicitAny: any component, whatever its props
type AnyComponent = ComponentType<any>;

/** `lazyPart(() => import('./TaskModal.tsx'), 'TaskModal')`: a named export as a lazy component. */
export function lazyPart<M extends Record<K, AnyComponent>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  loaders.push(load);
  if (prefetching) void load().catch(() => {});
  return lazy(async () => ({ default: (await load())[name] }));
}

/** Fetches every part (once the board is interactive); a failure is retried by the part's first use. */
export function prefetchParts(): void {
  if (prefetching) return;
  prefetching = true;
  for (const load of loaders) void load().catch(() => {});
}

/**
 * Renders lazy `children` from the first time `when` holds on, and keeps them: a dialog mounted on first
 * open still plays its closing transition, and opens at once the next time. `fallback` shows until then.
 */
export function MountWhen(props: { when: boolean; fallback?: ReactNode; children: ReactNode }) {
  const { when, fallback = null, children } = props;
  const [seen, setSeen] = useState(when);
  if (when && !seen) setSeen(true);
  return seen || when ? <Suspense fallback={fallback}>{children}</Suspense> : fallback;
}
