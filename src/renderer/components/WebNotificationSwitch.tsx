// Opt-in browser notifications for new attention items while this tab is hidden (browsers only).
import { Switch, Text } from '@mantine/core';
import { useBoard, useController } from '../app/context.tsx';

export function WebNotificationSwitch() {
  const controller = useController();
  const state = useBoard((s) => s.webNotifications);
  if (state === 'unsupported') return null;
  return (
    <div>
      <Switch
        size="xs"
        label="Notify me while this tab is hidden"
        checked={state === 'on'}
        disabled={state === 'blocked'}
        onChange={(event) => void controller.setWebNotifications(event.currentTarget.checked)}
      />
      {state === 'blocked' && (
        <Text size="xs" c="dimmed" mt={4}>
          This browser blocks notifications for this page; allow them in its site settings.
        </Text>
      )}
    </div>
  );
}
