// In the task modal, while the task waits in review: Approve, or Request changes with a comment.
import { Button, Group, Paper, Text } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import type { Task } from '../../shared/entities.ts';
import { useController } from '../app/context.tsx';
import { RequestChangesForm } from './RequestChangesForm.tsx';
import { useReadOnly } from './remote/ReadOnlyBadge.tsx';

export function ReviewBar({ task }: { task: Task }) {
  const controller = useController();
  const readOnly = useReadOnly();
  const [composing, setComposing] = useState(false);
  const [busy, setBusy] = useState(false);
  if (task.status !== 'review' || readOnly) return null;

  const approve = async () => {
    setBusy(true);
    await controller.reviewTask(task.id, 'approve');
    setBusy(false);
  };

  return (
    <Paper withBorder radius="md" p="sm" mb="md" className="mc-review-bar" data-testid="review-bar">
      <Group justify="space-between" wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          <IconEye size={18} stroke={1.75} aria-hidden />
          <Text size="sm" fw={500}>
            Waiting for your review
          </Text>
        </Group>
        {!composing && (
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              color="green"
              leftSection={<IconCheck size={14} aria-hidden />}
              loading={busy}
              onClick={() => void approve()}
            >
              Approve
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowBackUp size={14} aria-hidden />}
              onClick={() => setComposing(true)}
            >
              Request changes
            </Button>
          </Group>
        )}
      </Group>
      {composing && (
        <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          <RequestChangesForm
            taskId={task.id}
            onDone={() => setComposing(false)}
            onCancel={() => setComposing(false)}
          />
        </div>
      )}
    </Paper>
  );
}
