// The new-task dialog (button or the `n` key).
import { Alert, Button, Group, Modal, NumberInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useBoard, useBoardStore, useController } from '../app/context.tsx';
import { setUi } from '../store/store.ts';
import { type TaskDraft, TaskFields } from './TaskFields.tsx';

const EMPTY: TaskDraft = {
  title: '',
  description: '',
  status: 'inbox',
  priority: 'normal',
  assigned_agent_id: null,
  depends_on: [],
};

export function CreateTaskModal() {
  const store = useBoardStore();
  const controller = useController();
  const opened = useBoard((s) => s.ui.createOpen);
  const [draft, setDraft] = useState<TaskDraft>(EMPTY);
  const [budget, setBudget] = useState<number | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setUi(store, { createOpen: false });
    setDraft(EMPTY);
    setBudget('');
    setError(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await controller.createTask({
        ...draft,
        description: draft.description || null,
        ...(budget === '' ? {} : { budget_usd: budget }),
      });
      close();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="New task">
      <form onSubmit={submit}>
        <TaskFields draft={draft} onChange={setDraft} />
        <NumberInput
          mt="sm"
          label="Budget (USD)"
          description="Optional: work on the task stops when its reported cost reaches it"
          placeholder="No budget"
          min={0}
          decimalScale={6}
          w={220}
          value={budget}
          onChange={(value) => setBudget(value === '' ? '' : Number(value))}
        />
        {error && (
          <Alert color="red" mt="sm">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} disabled={!draft.title.trim()}>
            Create
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
