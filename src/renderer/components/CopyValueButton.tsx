// A "Copy" button that says "Copied" for a moment after it put `value` on the clipboard.
import { Button, CopyButton, type MantineSize } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

export function CopyValueButton(props: { value: string; label?: string; size?: 'compact-xs' | MantineSize }) {
  const compact = props.size === 'compact-xs';
  const iconSize = compact ? 12 : 16;
  return (
    <CopyButton value={props.value}>
      {({ copied, copy }) => (
        <Button
          {...(props.size ? { size: props.size } : {})}
          variant="light"
          onClick={copy}
          leftSection={
            copied ? <IconCheck size={iconSize} aria-hidden /> : <IconCopy size={iconSize} aria-hidden />
          }
        >
          {copied ? 'Copied' : (props.label ?? 'Copy')}
        </Button>
      )}
    </CopyButton>
  );
}
