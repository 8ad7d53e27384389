// Transient messages (refused moves, failed loads) in the corner of the screen.
import { Notification, Stack } from '@mantine/core';
import { useBoard, useBoardStore } from '../app/context.tsx';
import { dismiss } from '../store/store.ts';

export function Notices() {
  const store = useBoardStore();
  const notices = useBoard((s) => s.notices);
  if (!notices.length) return null;
  return (
    <Stack gap="xs" style={{ position: 'fixed', right: 16, bottom: 16, zIndex: 1000, width: 360 }}>
      {notices.map((n) => (
        <Notification
          key={n.id}
          color={n.kind === 'error' ? 'red' : 'blue'}
          title={n.title}
          onClose={() => dismiss(store, n.id)}
          role="alert"
          data-testid="notice"
        >
          {n.message}
        </Notification>
      ))}
    </Stack>
  );
}
