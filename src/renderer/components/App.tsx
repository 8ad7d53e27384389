// The page: header, agents sidebar, board; dialogs, drawers and notices load on first use.
import { Center, Loader } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { Suspense, useEffect, useLayoutEffect, useRef } from 'react';
import { useBoard, useBoardStore } from '../app/context.tsx';
import { afterNextPaint, markOnce } from '../app/perf-marks.ts';
import { setUi } from '../store/store.ts';
import { AgentsSidebar } from './AgentsSidebar.tsx';
import { AppHeader } from './AppHeader.tsx';
import { Board } from './Board.tsx';
import { EmptyBoard } from './EmptyBoard.tsx';
import { lazyPart, MountWhen, prefetchParts } from './lazy-part.tsx';
import { useReadOnly } from './remote/ReadOnlyBadge.tsx';

// Not needed to paint the board: each loads on first use (or while idle, once the board is interactive).
const TaskModal = lazyPart(() => import('./TaskModal.tsx'), 'TaskModal');
const CreateTaskModal = lazyPart(() => import('./CreateTaskModal.tsx'), 'CreateTaskModal');
const RequestChangesDialog = lazyPart(() => import('./RequestChangesDialog.tsx'), 'RequestChangesDialog');
const EventFeed = lazyPart(() => import('./EventFeed.tsx'), 'EventFeed');
const TokenPrompt = lazyPart(() => import('./TokenPrompt.tsx'), 'TokenPrompt');
const Notices = lazyPart(() => import('./Notices.tsx'), 'Notices');

const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run) : setTimeout(run, 200);

export interface AppProps {
  /** The page's origin: the API's in a browser (the desktop's empty state uses its API URL instead). */
  origin: string;
  onToken: (token: string) => Promise<void>;
}

export function App({ origin, onToken }: AppProps) {
  const store = useBoardStore();
  const auth = useBoard((s) => s.auth);
  const loaded = useBoard((s) => s.loaded);
  const live = useBoard((s) => s.connection === 'live');
  const empty = useBoard((s) => Object.keys(s.data.tasks).length === 0);
  const taskOpen = useBoard((s) => s.ui.openTaskId !== null);
  const createOpen = useBoard((s) => s.ui.createOpen);
  const changesOpen = useBoard((s) => s.ui.changesFor !== null);
  const feedOpen = useBoard((s) => s.ui.feedOpen);
  const hasNotices = useBoard((s) => s.notices.length > 0);
  const searchRef = useRef<HTMLInputElement>(null);
  const readOnly = useReadOnly();

  useHotkeys([
    ['n', () => !readOnly && setUi(store, { createOpen: true })],
    ['/', () => searchRef.current?.focus()],
  ]);

  // For the first-render and time-to-interactive figures (bench/board): the board with the snapshot is
  // committed, then painted; interactive once it is painted and its stream is live (commands enabled).
  useLayoutEffect(() => {
    if (loaded) markOnce('mc:board-commit');
  }, [loaded]);
  useEffect(() => {
    if (loaded) afterNextPaint(() => markOnce('mc:first-render'));
  }, [loaded]);
  useEffect(() => {
    if (!loaded || !live) return;
    afterNextPaint(() => {
      markOnce('mc:interactive');
      whenIdle(prefetchParts);
    });
  }, [loaded, live]);

  if (auth === 'needed')
    return (
      <Suspense fallback={null}>
        <TokenPrompt onSubmit={onToken} />
      </Suspense>
    );
  if (auth === 'checking' || !loaded)
    return (
      <Center h="100vh">
        <Loader aria-label="Loading the board" />
      </Center>
    );

  return (
    <div className="mc-shell">
      <AppHeader searchRef={searchRef} />
      <nav className="mc-navbar" aria-label="Agents">
        <AgentsSidebar />
      </nav>
      <main className="mc-main">
        {empty && <EmptyBoard origin={origin} />}
        <div style={{ flex: 1, minHeight: 0 }}>
          <Board />
        </div>
      </main>
      <MountWhen when={taskOpen}>
        <TaskModal />
      </MountWhen>
      <MountWhen when={createOpen}>
        <CreateTaskModal />
      </MountWhen>
      <MountWhen when={changesOpen}>
        <RequestChangesDialog />
      </MountWhen>
      <MountWhen when={feedOpen}>
        <EventFeed />
      </MountWhen>
      <MountWhen when={hasNotices}>
        <Notices />
      </MountWhen>
    </div>
  );
}
