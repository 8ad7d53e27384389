// The header: name, connection, access, the desktop's API URL; search and filters, new task, the bell,
// recent events and other devices.
import { ActionIcon, Group, Indicator, Title } from '@mantine/core';
import { IconBolt } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useBoard, useBoardStore } from '../app/context.tsx';
import { setUi } from '../store/store.ts';
import { ApiUrlChip } from './ApiUrlChip.tsx';
import { AttentionBell } from './AttentionBell.tsx';
import { BoardToolbar } from './BoardToolbar.tsx';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { Hint } from './Hint.tsx';
import { ReadOnlyBadge } from './remote/ReadOnlyBadge.tsx';
import { RemoteButton } from './remote/RemoteButton.tsx';
import { SearchButton } from './search/SearchButton.tsx';
import { UsageButton } from './usage/UsageButton.tsx';
import { WebhooksButton } from './webhooks/WebhooksButton.tsx';

export function AppHeader({ searchRef }: { searchRef: Ref<HTMLInputElement> }) {
  const store = useBoardStore();
  const feedCount = useBoard((s) => s.data.feed.length);
  return (
    <header className="mc-header">
      <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
        <Title order={4} style={{ whiteSpace: 'nowrap' }}>
          Mission Control
        </Title>
        <ConnectionIndicator />
        <ReadOnlyBadge />
        <ApiUrlChip />
      </Group>
      {/* In a narrow window the search box gives way, never the name or the connection state. */}
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <BoardToolbar searchRef={searchRef} />
        <SearchButton />
        <AttentionBell />
        <Hint label="Recent events">
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
        </Hint>
        <UsageButton />
        <WebhooksButton />
        <RemoteButton />
      </Group>
    </header>
  );
}
