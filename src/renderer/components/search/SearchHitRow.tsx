// One search hit in the palette: what kind of thing, its task (or deliverable) title, and the text
// around the match with each match in a <mark> element (the snippet is text, never HTML).
import { Group, Mark, Stack, Text } from '@mantine/core';
import { IconFileText, IconMessage, IconPackage, IconTerminal2, IconTimeline } from '@tabler/icons-react';
import type { SearchHit, SearchKind } from '../../../shared/search.ts';
import { RelativeTime } from '../RelativeTime.tsx';
import { highlightParts } from './highlight-parts.ts';

const KINDS: Record<SearchKind, { icon: typeof IconFileText; label: string }> = {
  task: { icon: IconFileText, label: 'Task' },
  activity: { icon: IconTimeline, label: 'Activity' },
  deliverable: { icon: IconPackage, label: 'Deliverable' },
  comment: { icon: IconMessage, label: 'Comment' },
  log: { icon: IconTerminal2, label: 'Log' },
};

export function Snippet({ hit }: { hit: Pick<SearchHit, 'snippet' | 'highlights'> }) {
  return (
    <Text
      size="xs"
      c="dimmed"
      lineClamp={2}
      style={{ overflowWrap: 'anywhere' }}
      data-testid="search-snippet"
    >
      {highlightParts(hit.snippet, hit.highlights).map((part, i) =>
        part.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never move
          <Mark key={i}>{part.text}</Mark>
        ) : (
          part.text
        ),
      )}
    </Text>
  );
}

export function SearchHitRow({ hit }: { hit: SearchHit }) {
  const { icon: Icon, label } = KINDS[hit.kind];
  return (
    <Group wrap="nowrap" gap="sm" align="flex-start" style={{ minWidth: 0, width: '100%' }}>
      <Icon size={18} stroke={1.75} aria-label={label} style={{ flexShrink: 0, marginTop: 2 }} />
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Text size="sm" fw={500} truncate>
            {hit.title}
          </Text>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {label} · <RelativeTime iso={hit.at} />
          </Text>
        </Group>
        <Snippet hit={hit} />
      </Stack>
    </Group>
  );
}
