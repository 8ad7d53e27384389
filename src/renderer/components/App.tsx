// The page: header (connection, search, filters, new task), agents sidebar, board, dialogs, notices.
import { ActionIcon, AppShell, Center, Group, Indicator, Loader, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconBolt } from '@tabler/icons-react';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useBoard, useBoardStore } from '../app/context.tsx';
import { afterNextPaint, markOnce } from '../app/perf-marks.ts';
import { setUi } from '../store/store.ts';
import { AgentsSidebar } from './AgentsSidebar.tsx';
import { ApiUrlChip } from './ApiUrlChip.tsx';
import { AttentionBell } from './AttentionBell.tsx';
import { Board } from './Board.tsx';
import { BoardToolbar } from './BoardToolbar.tsx';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { CreateTaskModal } from './CreateTaskModal.tsx';
import { EmptyBoard } from './EmptyBoard.tsx';
import { EventFeed } from './EventFeed.tsx';
import { Notices } from './Notices.tsx';
import { RequestChangesDialog } from './RequestChangesDialog.tsx';
import { ReadOnlyBadge, useReadOnly } from './remote/ReadOnlyBadge.tsx';
import { RemoteButton } from './remote/RemoteButton.tsx';
import { TaskModal } from './TaskModal.tsx';
import { TokenPrompt } from './TokenPrompt.tsx';

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
  const feedCount = useBoard((s) => s.data.feed.length);
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
    if (loaded && live) afterNextPaint(() => markOnce('mc:interactive'));
  }, [loaded, live]);

  if (auth === 'needed') return <TokenPrompt onSubmit={onToken} />;
  if (auth === 'checking' || !loaded)
    return (
      <Center h="100vh">
        <Loader aria-label="Loading the board" />
      </Center>
    );

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 0 }} padding={0}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={4}>Mission Control</Title>
            <ConnectionIndicator />
            <ReadOnlyBadge />
            <ApiUrlChip />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <BoardToolbar searchRef={searchRef} />
            <AttentionBell />
            <Tooltip label="Recent events">
              <Indicator label={feedCount} size={16} disabled={!feedCount}>
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label="Recent events"
                  onClick={() => setUi(store, { feedOpen: true })}
                >
                  <IconBolt size={18} stroke={1.75} aria-hidden />
                </ActionIcon>
              </Indicator>
            </Tooltip>
            <RemoteButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        <AgentsSidebar />
      </AppShell.Navbar>
      <AppShell.Main style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
        {empty && <EmptyBoard origin={origin} />}
        <div style={{ flex: 1, minHeight: 0 }}>
          <Board />
        </div>
      </AppShell.Main>
      <TaskModal />
      <CreateTaskModal />
      <RequestChangesDialog />
      <EventFeed />
      <Notices />
    </AppShell>
  );
}
