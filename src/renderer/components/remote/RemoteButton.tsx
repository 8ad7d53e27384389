// Header button that opens the "Other devices" panel; only the owner sees it (devices get 403 there).
import { ActionIcon, Tooltip } from '@mantine/core';
import { IconDevices } from '@tabler/icons-react';
import { useState } from 'react';
import { useBoard, useController } from '../../app/context.tsx';
import { RemotePanel } from './RemotePanel.tsx';

export function RemoteButton() {
  const controller = useController();
  const owner = useBoard((s) => s.access.deviceId === null);
  const [opened, setOpened] = useState(false);
  if (!owner) return null;
  return (
    <>
      <Tooltip label="Other devices">
        <ActionIcon variant="default" size="lg" aria-label="Other devices" onClick={() => setOpened(true)}>
          <IconDevices size={18} stroke={1.75} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <RemotePanel remote={controller.remote} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
