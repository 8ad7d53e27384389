// The recent-events panel: what the agents just did, newest first.
import { Drawer, Stack, Text } from '@mantine/core';
import { useBoard, useBoardStore } from '../app/context.tsx';
import { setUi } from '../store/store.ts';
import { RelativeTime } from './RelativeTime.tsx';

export function EventFeed() {
  const store = useBoardStore();
  const opened = useBoard((s) => s.ui.feedOpen);
  const feed = useBoard((s) => s.data.feed);
  return (
    <Drawer
      opened={opened}
      onClose={() => setUi(store, { feedOpen: false })}
      position="right"
      title="Recent events"
      size="sm"
    >
      <Stack gap="xs" data-testid="event-feed">
        {feed.length === 0 && <Text c="dimmed">Nothing has happened since this page opened.</Text>}
        {feed.map((item) => (
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
