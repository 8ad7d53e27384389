// The task dialog: the review decision while in review; Overview (edit), Conversation, Activity, Deliverables,
// Sessions; all read the live store.
import { Badge, Modal, Tabs } from '@mantine/core';
import { useBoard, useController } from '../app/context.tsx';
import { selectOpenTask, selectOpenTaskSessions } from '../store/selectors.ts';
import { ActivityTimeline } from './ActivityTimeline.tsx';
import { DeliverableList } from './DeliverableList.tsx';
import { ReviewBar } from './ReviewBar.tsx';
import { SessionList } from './SessionList.tsx';
import { TaskConversation } from './TaskConversation.tsx';
import { TaskOverview } from './TaskOverview.tsx';

const count = (n: number | undefined) =>
  n ? (
    <Badge size="xs" variant="light" circle>
      {n}
    </Badge>
  ) : null;

export function TaskModal() {
  const controller = useController();
  const openId = useBoard((s) => s.ui.openTaskId);
  const task = useBoard(selectOpenTask);
  const activities = useBoard((s) => (openId ? s.data.activities[openId]?.length : 0));
  const deliverables = useBoard((s) => (openId ? s.data.deliverables[openId]?.length : 0));
  const comments = useBoard((s) => (openId ? s.data.comments[openId]?.length : 0));
  const sessions = useBoard(selectOpenTaskSessions).length;
  return (
    <Modal
      opened={openId !== null}
      onClose={controller.closeTask}
      title={task ? task.title : 'Task deleted'}
      size={720}
      data-testid="task-modal"
    >
      {!task ? (
        'This task was deleted.'
      ) : (
        <>
          <ReviewBar task={task} />
          <Tabs defaultValue="overview" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="overview">Overview</Tabs.Tab>
              <Tabs.Tab value="conversation" rightSection={count(comments)}>
                Conversation
              </Tabs.Tab>
              <Tabs.Tab value="activity" rightSection={count(activities)}>
                Activity
              </Tabs.Tab>
              <Tabs.Tab value="deliverables" rightSection={count(deliverables)}>
                Deliverables
              </Tabs.Tab>
              <Tabs.Tab value="sessions" rightSection={count(sessions)}>
                Sessions
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="overview">
              <TaskOverview key={task.id} task={task} />
            </Tabs.Panel>
            <Tabs.Panel value="conversation">
              <TaskConversation taskId={task.id} />
            </Tabs.Panel>
            <Tabs.Panel value="activity">
              <ActivityTimeline taskId={task.id} />
            </Tabs.Panel>
            <Tabs.Panel value="deliverables">
              <DeliverableList taskId={task.id} />
            </Tabs.Panel>
            <Tabs.Panel value="sessions">
              <SessionList />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Modal>
  );
}
