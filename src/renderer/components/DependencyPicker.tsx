// Picks the tasks this one waits for: searchable over titles, grouped by column, never the task itself.
import { MultiSelect } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useBoard } from '../app/context.tsx';
import { selectDependencyOptions } from '../store/selectors.ts';

interface DependencyPickerProps {
  /** The task being edited (left out of the choices); undefined while creating one. */
  taskId?: string;
  value: string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
}

export function DependencyPicker({ taskId, value, onChange, disabled = false }: DependencyPickerProps) {
  const all = useBoard(selectDependencyOptions);
  const [search, setSearch] = useState('');
  const data = useMemo(
    () =>
      taskId
        ? all
            .map((g) => ({ ...g, items: g.items.filter((o) => o.value !== taskId) }))
            .filter((g) => g.items.length > 0)
        : all,
    [all, taskId],
  );
  return (
    <MultiSelect
      disabled={disabled}
      label="Depends on"
      description="Tasks that must be done before an agent can claim this one"
      placeholder={value.length ? undefined : 'Search tasks by title'}
      searchable
      clearable
      hidePickedOptions
      // A 10,000-task board: show the first matches, the search narrows them.
      limit={50}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={search.trim() ? 'No task with that title' : 'No other task to pick'}
      data={data}
      value={value}
      onChange={onChange}
      data-testid="depends-on"
    />
  );
}
