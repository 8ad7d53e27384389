// The header's bell: how many things need a person, and the attention list in a popover.
import { ActionIcon, Indicator, Popover } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useBoard } from '../app/context.tsx';
import { AttentionPanel } from './AttentionPanel.tsx';

export function AttentionBell() {
  const count = useBoard((s) => s.attention.items.length);
  const [opened, setOpened] = useState(false);
  return (
    <Indicator
      label={<span data-testid="attention-count">{count > 99 ? '99+' : count}</span>}
      size={16}
      color="red"
      disabled={!count}
    >
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width={420}
        shadow="md"
        withArrow
        trapFocus
      >
        <Popover.Target>
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
        </Popover.Target>
        <Popover.Dropdown p={0}>
          <AttentionPanel onOpenTask={() => setOpened(false)} />
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
