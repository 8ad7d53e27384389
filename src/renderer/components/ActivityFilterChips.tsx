// Chips above the activity timeline: show only some types, only some agents ("system" for entries
// without one). Nothing selected in a row means all of it; a row with one choice is not shown.
import { Chip, Group } from '@mantine/core';

export interface ActivityFilter {
  types: string[];
  agents: string[];
}

export const SYSTEM = '';

export function matchesFilter(filter: ActivityFilter, type: string, agentId: string | null): boolean {
  return (
    (filter.types.length === 0 || filter.types.includes(type)) &&
    (filter.agents.length === 0 || filter.agents.includes(agentId ?? SYSTEM))
  );
}

function ChipRow(props: {
  label: string;
  options: Array<{ value: string; label: string }>;
  value: string[];
  onChange(value: string[]): void;
}) {
  if (props.options.length < 2) return null;
  return (
    <Chip.Group multiple value={props.value} onChange={props.onChange}>
      <Group gap={6} role="group" aria-label={props.label}>
        {props.options.map((o) => (
          <Chip key={o.value} value={o.value} size="xs" variant="outline">
            {o.label}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}

export function ActivityFilterChips(props: {
  types: string[];
  agents: Array<{ id: string | null; name: string }>;
  filter: ActivityFilter;
  onChange(filter: ActivityFilter): void;
}) {
  const { types, agents, filter, onChange } = props;
  return (
    <Group gap="xs" mb="sm" data-testid="activity-filters">
      <ChipRow
        label="Filter by type"
        options={types.map((t) => ({ value: t, label: t.replace('_', ' ') }))}
        value={filter.types}
        onChange={(value) => onChange({ ...filter, types: value })}
      />
      <ChipRow
        label="Filter by agent"
        options={agents.map((a) => ({ value: a.id ?? SYSTEM, label: a.name }))}
        value={filter.agents}
        onChange={(value) => onChange({ ...filter, agents: value })}
      />
    </Group>
  );
}
