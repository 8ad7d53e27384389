// The editable fields of a task, shared by the create dialog and the modal's Overview tab.
import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import {
  PRIORITY_LABELS,
  STATUS_LABELS,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type TaskPriority,
  type TaskStatus,
} from '../../shared/enums.ts';
import { useBoard } from '../app/context.tsx';
import { selectAgents } from '../store/selectors.ts';
import { agentOptionRenderer } from './AgentOption.tsx';
import { DependencyPicker } from './DependencyPicker.tsx';

export interface TaskDraft {
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  assigned_agent_id: string | null;
  /** The tasks that must be done first (the whole set: a save replaces it). */
  depends_on: string[];
}

interface TaskFieldsProps {
  draft: TaskDraft;
  /** The task being edited, so it is not offered as its own dependency; undefined when creating. */
  taskId?: string;
  onChange: (draft: TaskDraft) => void;
  /** A read-only session sees the values but cannot edit them (the server would refuse the save). */
  disabled?: boolean;
}

export function TaskFields({ draft, taskId, onChange, disabled = false }: TaskFieldsProps) {
  const agents = useBoard(selectAgents);
  const agentsById = useBoard((s) => s.data.agents);
  const set = (patch: Partial<TaskDraft>) => onChange({ ...draft, ...patch });
  return (
    <Stack gap="sm">
      <TextInput
        disabled={disabled}
        label="Title"
        required
        data-autofocus
        value={draft.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
      />
      <Textarea
        disabled={disabled}
        label="Description"
        autosize
        minRows={3}
        maxRows={10}
        value={draft.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
      />
      <Select
        disabled={disabled}
        label="Status"
        allowDeselect={false}
        data={TASK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        value={draft.status}
        onChange={(v) => v && set({ status: v as TaskStatus })}
      />
      <Select
        disabled={disabled}
        label="Priority"
        allowDeselect={false}
        data={TASK_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
        value={draft.priority}
        onChange={(v) => v && set({ priority: v as TaskPriority })}
      />
      <Select
        disabled={disabled}
        label="Assignee"
        placeholder="Nobody"
        clearable
        data={agents.map((a) => ({ value: a.id, label: a.name }))}
        renderOption={agentOptionRenderer(agentsById)}
        value={draft.assigned_agent_id}
        onChange={(v) => set({ assigned_agent_id: v })}
      />
      <DependencyPicker
        taskId={taskId}
        value={draft.depends_on}
        onChange={(depends_on) => set({ depends_on })}
        disabled={disabled}
      />
    </Stack>
  );
}
