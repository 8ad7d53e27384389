// The one "Request changes" dialog for the board's cards (a card stays cheap: it only names the task).
import { Modal, Text } from '@mantine/core';
import { useBoard, useBoardStore } from '../app/context.tsx';
import { setUi } from '../store/store.ts';
import { RequestChangesForm } from './RequestChangesForm.tsx';

export function RequestChangesDialog() {
  const store = useBoardStore();
  const taskId = useBoard((s) => s.ui.changesFor);
  const task = useBoard((s) => (s.ui.changesFor ? s.data.tasks[s.ui.changesFor] : undefined));
  const close = () => setUi(store, { changesFor: null });
  return (
    <Modal opened={taskId !== null} onClose={close} title="Request changes" size="md">
      {task?.status === 'review' ? (
        <>
          <Text size="sm" fw={500} lineClamp={2} mb="sm" data-testid="request-changes-task">
            {task.title}
          </Text>
          <RequestChangesForm taskId={task.id} onDone={close} onCancel={close} />
        </>
      ) : (
        <Text c="dimmed">This task is no longer in review.</Text>
      )}
    </Modal>
  );
}
