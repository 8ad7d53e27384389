// The editable fields of a task, shared by the create dialog and the modal's Overview tab.
import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import {
  STATUS_LABELS,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type TaskPriority,
  type TaskStatus,
} from '../../shared/enums.ts';
import { useBoard } from '../app/context.tsx';
import { selectAgents } from '../store/selectors.ts';

export interface TaskDraft {
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  assigned_agent_id: string | null;
}

export function TaskFields({ draft, onChange }: { draft: TaskDraft; onChange: (draft: TaskDraft) => void }) {
  const agents = useBoard(selectAgents);
  const set = (patch: Partial<TaskDraft>) => onChange({ ...draft, ...patch });
  return (
    <Stack gap="sm">
      <TextInput
        label="Title"
        required
        data-autofocus
        value={draft.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
      />
      <Textarea
        label="Description"
        autosize
        minRows={3}
        maxRows={10}
        value={draft.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
      />
      <Select
        label="Status"
        allowDeselect={false}
        data={TASK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        value={draft.status}
        onChange={(v) => v && set({ status: v as TaskStatus })}
      />
      <Select
        label="Priority"
        allowDeselect={false}
        data={[...TASK_PRIORITIES]}
        value={draft.priority}
        onChange={(v) => v && set({ priority: v as TaskPriority })}
      />
      <Select
        label="Assignee"
        placeholder="Nobody"
        clearable
        data={agents.map((a) => ({ value: a.id, label: `${a.avatar_emoji} ${a.name}` }))}
        value={draft.assigned_agent_id}
        onChange={(v) => set({ assigned_agent_id: v })}
      />
    </Stack>
  );
}
