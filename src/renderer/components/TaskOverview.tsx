// The modal's Overview tab: edit and save (with the version seen, so a concurrent change is a kind 409), or delete.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Task } from '../../shared/entities.ts';
import type { TaskPatch } from '../../shared/inputs.ts';
import { useController } from '../app/context.tsx';
import { BackendError } from '../backend/backend.ts';
import { RelativeTime } from './RelativeTime.tsx';
import { useReadOnly } from './remote/ReadOnlyBadge.tsx';
import { type TaskDraft, TaskFields } from './TaskFields.tsx';

const toDraft = (task: Task): TaskDraft => ({
  title: task.title,
  description: task.description ?? '',
  status: task.status,
  priority: task.priority,
  assigned_agent_id: task.assigned_agent_id,
  depends_on: task.depends_on,
});

const sameDraft = (a: TaskDraft, b: TaskDraft) => JSON.stringify(a) === JSON.stringify(b);
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** The form as a patch; dependencies only when they changed (a save replaces the whole set). */
const toChanges = (draft: TaskDraft, base: Task): TaskPatch => {
  const { depends_on, ...fields } = draft;
  const changes: TaskPatch = { ...fields, description: fields.description || null };
  if (!sameSet(depends_on, base.depends_on)) changes.depends_on = depends_on;
  return changes;
};

/** A version conflict gets its own choice (keep mine / discard); any other refusal is said as is. */
const isVersionConflict = (err: unknown) =>
  err instanceof BackendError && err.status === 409 && err.code !== 'dependency_cycle';

const messageOf = (err: unknown) =>
  err instanceof BackendError && err.code === 'dependency_cycle'
    ? 'These dependencies would make a cycle: this task would end up waiting for itself. ' +
      'Remove the task that (directly or through others) depends on this one.'
    : err instanceof Error
      ? err.message
      : String(err);

export function TaskOverview({ task }: { task: Task }) {
  const controller = useController();
  const [base, setBase] = useState(task);
  const [draft, setDraft] = useState(() => toDraft(task));
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const readOnly = useReadOnly();
  const dirty = !sameDraft(draft, toDraft(base));

  // Live: untouched fields follow the server; edits in progress are kept and the save will check.
  useEffect(() => {
    if (task.version === base.version) return;
    if (!dirty) {
      setBase(task);
      setDraft(toDraft(task));
    }
  }, [task, base.version, dirty]);

  const save = async (version: number) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await controller.updateTask(task.id, toChanges(draft, base), version);
      setBase(saved);
      setDraft(toDraft(saved));
      setConflict(false);
    } catch (err) {
      if (isVersionConflict(err)) setConflict(true);
      else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    try {
      await controller.deleteTask(task.id);
      controller.closeTask();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save(base.version);
      }}
    >
      <TaskFields draft={draft} taskId={task.id} onChange={setDraft} disabled={readOnly} />
      <Text size="xs" c="dimmed" mt="xs">
        Version {task.version} · created <RelativeTime iso={task.created_at} /> · updated{' '}
        <RelativeTime iso={task.updated_at} />
      </Text>
      {conflict && (
        <Alert color="yellow" mt="sm" title="Someone else changed this task while you were editing">
          Your edits are still here. Keep them to overwrite the other change, or discard them to see the
          latest version.
          <Group mt="xs">
            <Button size="xs" onClick={() => void save(task.version)} loading={busy}>
              Keep my changes
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setBase(task);
                setDraft(toDraft(task));
                setConflict(false);
              }}
            >
              Discard mine
            </Button>
          </Group>
        </Alert>
      )}
      {error && (
        <Alert color="red" mt="sm">
          {error}
        </Alert>
      )}
      {/* A read-only device sees the task, not the buttons the server would refuse. */}
      <Group justify="space-between" mt="md" display={readOnly ? 'none' : undefined}>
        {confirmDelete ? (
          <Group gap="xs">
            <Button color="red" onClick={() => void remove()}>
              Delete for good
            </Button>
            <Button variant="default" onClick={() => setConfirmDelete(false)}>
              Keep
            </Button>
          </Group>
        ) : (
          <Button color="red" variant="subtle" onClick={() => setConfirmDelete(true)}>
            Delete
          </Button>
        )}
        <Button type="submit" loading={busy} disabled={!dirty || !draft.title.trim()}>
          Save
        </Button>
      </Group>
    </form>
  );
}
