// Search, filters and the new-task button above the board. The filters are native selects: light enough for
// the board's first chunk, and the lists are short.
import { Button, Group, Kbd, NativeSelect, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import type { Ref } from 'react';
import { PRIORITY_LABELS, TASK_PRIORITIES, type TaskPriority } from '../../shared/enums.ts';
import { useBoard, useBoardStore } from '../app/context.tsx';
import { selectAgents } from '../store/selectors.ts';
import { setUi } from '../store/store.ts';
import { useReadOnly } from './remote/ReadOnlyBadge.tsx';

export function BoardToolbar({ searchRef }: { searchRef?: Ref<HTMLInputElement> }) {
  const store = useBoardStore();
  const ui = useBoard((s) => s.ui);
  const agents = useBoard(selectAgents);
  const readOnly = useReadOnly();
  return (
    <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
      <TextInput
        ref={searchRef}
        aria-label="Search tasks"
        placeholder="Search tasks"
        leftSection={<IconSearch size={16} stroke={1.75} aria-hidden />}
        rightSection={<Kbd size="xs">/</Kbd>}
        value={ui.search}
        onChange={(e) => setUi(store, { search: e.currentTarget.value })}
        style={{ flex: '0 1 220px', minWidth: 110 }}
      />
      <NativeSelect
        aria-label="Filter by agent"
        data={[{ value: '', label: 'All agents' }, ...agents.map((a) => ({ value: a.id, label: a.name }))]}
        value={ui.agentFilter ?? ''}
        onChange={(e) => setUi(store, { agentFilter: e.currentTarget.value || null })}
        w={150}
        style={{ flexShrink: 0 }}
      />
      <NativeSelect
        aria-label="Filter by priority"
        data={[
          { value: '', label: 'All priorities' },
          ...TASK_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] })),
        ]}
        value={ui.priorityFilter ?? ''}
        onChange={(e) =>
          setUi(store, { priorityFilter: (e.currentTarget.value || null) as TaskPriority | null })
        }
        w={140}
        style={{ flexShrink: 0 }}
      />
      {!readOnly && (
        <Button
          onClick={() => setUi(store, { createOpen: true })}
          leftSection={<IconPlus size={16} stroke={2} aria-hidden />}
          rightSection={<Kbd size="xs">n</Kbd>}
          style={{ flexShrink: 0 }}
        >
          New task
        </Button>
      )}
    </Group>
  );
}
