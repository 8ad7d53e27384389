// Find in the log: the query, "3 / 12", previous and next (Enter / Shift+Enter too).
import { ActionIcon, Group, Text, TextInput } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSearch } from '@tabler/icons-react';

interface Props {
  query: string;
  onQuery(query: string): void;
  total: number;
  /** The current match (0-based), or null when there is none. */
  current: number | null;
  onStep(step: 1 | -1): void;
}

export function LogFindBar({ query, onQuery, total, current, onStep }: Props) {
  return (
    <Group gap={4} wrap="nowrap">
      <TextInput
        size="xs"
        placeholder="Find"
        aria-label="Find in log"
        leftSection={<IconSearch size={14} aria-hidden />}
        value={query}
        onChange={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          }
        }}
        w={180}
      />
      <Text size="xs" c="dimmed" miw={48} data-testid="log-find-count">
        {query ? `${current === null ? 0 : current + 1} / ${total}` : ''}
      </Text>
      <ActionIcon
        size="sm"
        variant="subtle"
        aria-label="Previous match"
        disabled={total === 0}
        onClick={() => onStep(-1)}
      >
        <IconChevronUp size={14} />
      </ActionIcon>
      <ActionIcon
        size="sm"
        variant="subtle"
        aria-label="Next match"
        disabled={total === 0}
        onClick={() => onStep(1)}
      >
        <IconChevronDown size={14} />
      </ActionIcon>
    </Group>
  );
}
