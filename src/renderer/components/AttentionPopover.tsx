// The bell's popover around its button, in its own chunk (with the positioning library): loaded on first open.
import { Popover } from '@mantine/core';
import type { ReactElement } from 'react';
import { AttentionPanel } from './AttentionPanel.tsx';

interface Props {
  opened: boolean;
  onChange: (opened: boolean) => void;
  /** The bell's button, the popover's target. */
  target: ReactElement;
}

export function AttentionPopover({ opened, onChange, target }: Props) {
  return (
    <Popover
      opened={opened}
      onChange={onChange}
      position="bottom-end"
      width={420}
      shadow="md"
      withArrow
      trapFocus
    >
      <Popover.Target>{target}</Popover.Target>
      <Popover.Dropdown p={0}>
        <AttentionPanel onOpenTask={() => onChange(false)} />
      </Popover.Dropdown>
    </Popover>
  );
}
