// The header's bell: how many things need a person, and the attention list in a popover.
import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useBoard } from '../app/context.tsx';
import { lazyPart, MountWhen } from './lazy-part.tsx';

/** The popover, its list and actions load on first open (or while idle): the count is all the board needs. */
const AttentionPopover = lazyPart(() => import('./AttentionPopover.tsx'), 'AttentionPopover');

export function AttentionBell() {
  const count = useBoard((s) => s.attention.items.length);
  const [opened, setOpened] = useState(false);
  const button = (
    <ActionIcon
      variant="default"
      size="lg"
      aria-label={count ? `Needs you: ${count}` : 'Needs you: nothing'}
      data-count={count}
      data-testid="attention-bell"
      onClick={() => setOpened((o) => !o)}
    >
      <IconBell size={18} stroke={1.75} aria-hidden />
    </ActionIcon>
  );
  return (
    <Indicator
      label={<span data-testid="attention-count">{count > 99 ? '99+' : count}</span>}
      size={16}
      color="red"
      disabled={!count}
    >
      <MountWhen when={opened} fallback={button}>
        <AttentionPopover opened={opened} onChange={setOpened} target={button} />
      </MountWhen>
    </Indicator>
  );
}
