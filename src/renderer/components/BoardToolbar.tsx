// Search, filters and the new-task button above the board.
import { Button, Group, Kbd, Select, TextInput } from '@mantine/core';
import type { Ref } from 'react';
import { TASK_PRIORITIES, type TaskPriority } from '../../shared/enums.ts';
import { useBoard, useBoardStore } from '../app/context.tsx';
import { selectAgents } from '../store/selectors.ts';
import { setUi } from '../store/store.ts';
import { agentLabel } from './avatar-text.ts';
import { useReadOnly } from './remote/ReadOnlyBadge.tsx';

export function BoardToolbar({ searchRef }: { searchRef?: Ref<HTMLInputElement> }) {
  const store = useBoardStore();
  const ui = useBoard((s) => s.ui);
  const agents = useBoard(selectAgents);
  const readOnly = useReadOnly();
  return (
    <Group gap="xs" wrap="nowrap">
      <TextInput
        ref={searchRef}
        aria-label="Search tasks"
        placeholder="Search tasks"
        rightSection={<Kbd size="xs">/</Kbd>}
        value={ui.search}
        onChange={(e) => setUi(store, { search: e.currentTarget.value })}
        w={220}
      />
      <Select
        aria-label="Filter by agent"
        placeholder="All agents"
        clearable
        data={agents.map((a) => ({ value: a.id, label: agentLabel(a) }))}
        value={ui.agentFilter}
        onChange={(value) => setUi(store, { agentFilter: value })}
        w={170}
      />
      <Select
        aria-label="Filter by priority"
        placeholder="All priorities"
        clearable
        data={[...TASK_PRIORITIES]}
        value={ui.priorityFilter}
        onChange={(value) => setUi(store, { priorityFilter: value as TaskPriority | null })}
        w={140}
      />
      {!readOnly && (
        <Button onClick={() => setUi(store, { createOpen: true })} rightSection={<Kbd size="xs">n</Kbd>}>
          New task
        </Button>
      )}
    </Group>
  );
}
