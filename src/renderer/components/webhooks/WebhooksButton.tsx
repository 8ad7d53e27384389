// Header button that opens the Webhooks screen; only the owner sees it (devices get 403 there).
import { ActionIcon } from '@mantine/core';
import { IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import { useBoard, useController } from '../../app/context.tsx';
import { Hint } from '../Hint.tsx';
import { lazyPart, MountWhen } from '../lazy-part.tsx';

/** The screen loads on first open. */
const WebhooksPanel = lazyPart(() => import('./WebhooksPanel.tsx'), 'WebhooksPanel');

export function WebhooksButton() {
  const controller = useController();
  const owner = useBoard((s) => s.access.deviceId === null);
  const [opened, setOpened] = useState(false);
  if (!owner) return null;
  return (
    <>
      <Hint label="Webhooks" align="end">
        <ActionIcon variant="default" size="lg" aria-label="Webhooks" onClick={() => setOpened(true)}>
          <IconWebhook size={18} stroke={1.75} aria-hidden />
        </ActionIcon>
      </Hint>
      <MountWhen when={opened}>
        <WebhooksPanel webhooks={controller.webhooks} opened={opened} onClose={() => setOpened(false)} />
      </MountWhen>
    </>
  );
}
