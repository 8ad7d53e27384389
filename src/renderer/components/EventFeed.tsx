// The recent-events panel: what the agents just did, newest first; chips show only some event types.
import { Chip, Drawer, Group, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useBoard, useBoardStore } from '../app/context.tsx';
import { setUi } from '../store/store.ts';
import { RelativeTime } from './RelativeTime.tsx';

export function EventFeed() {
  const store = useBoardStore();
  const opened = useBoard((s) => s.ui.feedOpen);
  const feed = useBoard((s) => s.data.feed);
  // Nothing picked means every type; the choices are the types the feed holds now.
  const [types, setTypes] = useState<string[]>([]);
  const present = useMemo(() => [...new Set(feed.map((item) => item.type))].sort(), [feed]);
  const shown = types.length ? feed.filter((item) => types.includes(item.type)) : feed;
  return (
    <Drawer
      opened={opened}
      onClose={() => setUi(store, { feedOpen: false })}
      position="right"
      title="Recent events"
      size="sm"
    >
      {present.length > 1 && (
        <Chip.Group multiple value={types} onChange={setTypes}>
          <Group gap={6} mb="sm" role="group" aria-label="Filter by event type" data-testid="feed-filters">
            {present.map((type) => (
              <Chip key={type} value={type} size="xs" variant="outline">
                {type.replaceAll('_', ' ')}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}
      <Stack gap="xs" data-testid="event-feed">
        {feed.length === 0 && <Text c="dimmed">Nothing has happened since this page opened.</Text>}
        {shown.map((item) => (
          <div key={item.id}>
            <Text size="sm">{item.summary}</Text>
            <Text size="xs" c="dimmed">
              #{item.id} · {item.type} · <RelativeTime iso={item.created_at} />
            </Text>
          </div>
        ))}
      </Stack>
    </Drawer>
  );
}
