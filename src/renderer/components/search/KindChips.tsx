// Under the palette's search field: search only some kinds (none picked: all of them).
import { Chip, Group } from '@mantine/core';
import { SEARCH_KINDS, type SearchKind } from '../../../shared/search.ts';

const LABELS: Record<SearchKind, string> = {
  task: 'Tasks',
  activity: 'Activities',
  deliverable: 'Deliverables',
  comment: 'Comments',
  log: 'Logs',
};

export function KindChips(props: { value: string[]; onChange(value: string[]): void }) {
  return (
    <Chip.Group multiple value={props.value} onChange={props.onChange}>
      <Group gap={6} px="md" py={6} role="group" aria-label="Search only">
        {SEARCH_KINDS.map((kind) => (
          <Chip key={kind} value={kind} size="xs" variant="outline">
            {LABELS[kind]}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}
