// Header button that opens the "Other devices" panel; only the owner sees it (devices get 403 there).
import { ActionIcon } from '@mantine/core';
import { IconDevices } from '@tabler/icons-react';
import { useState } from 'react';
import { useBoard, useController } from '../../app/context.tsx';
import { Hint } from '../Hint.tsx';
import { lazyPart, MountWhen } from '../lazy-part.tsx';

/** The panel (and its QR code library) loads on first open. */
const RemotePanel = lazyPart(() => import('./RemotePanel.tsx'), 'RemotePanel');

export function RemoteButton() {
  const controller = useController();
  const owner = useBoard((s) => s.access.deviceId === null);
  const [opened, setOpened] = useState(false);
  if (!owner) return null;
  return (
    <>
      <Hint label="Other devices" align="end">
        <ActionIcon variant="default" size="lg" aria-label="Other devices" onClick={() => setOpened(true)}>
          <IconDevices size={18} stroke={1.75} aria-hidden />
        </ActionIcon>
      </Hint>
      <MountWhen when={opened}>
        <RemotePanel remote={controller.remote} opened={opened} onClose={() => setOpened(false)} />
      </MountWhen>
    </>
  );
}
