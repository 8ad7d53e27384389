// Header button that opens the Usage view (a drawer loaded on first open): cost per day, per agent, prices.
import { ActionIcon } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useState } from 'react';
import { useController } from '../../app/context.tsx';
import { Hint } from '../Hint.tsx';
import { lazyPart, MountWhen } from '../lazy-part.tsx';

const UsageView = lazyPart(() => import('./UsageView.tsx'), 'UsageView');

export function UsageButton() {
  const controller = useController();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Hint label="Usage and cost" align="end">
        <ActionIcon variant="default" size="lg" aria-label="Usage and cost" onClick={() => setOpened(true)}>
          <IconChartBar size={18} stroke={1.75} aria-hidden />
        </ActionIcon>
      </Hint>
      <MountWhen when={opened}>
        <UsageView usage={controller.usage} opened={opened} onClose={() => setOpened(false)} />
      </MountWhen>
    </>
  );
}
