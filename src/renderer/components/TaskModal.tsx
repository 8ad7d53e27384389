// The task dialog: the review decision while in review; Overview (edit), Conversation, Activity, Deliverables,
// Sessions; all read the live store. The tabs after the Overview load on first use (their own chunks).
import { Badge, Center, Loader, Modal, Tabs } from '@mantine/core';
import {
  IconCoin,
  IconFileText,
  IconMessages,
  IconPackage,
  IconRobot,
  IconTimeline,
} from '@tabler/icons-react';
import { type ReactNode, Suspense } from 'react';
import { useBoard, useBoardStore, useController } from '../app/context.tsx';
import { selectOpenTask, selectOpenTaskSessions } from '../store/selectors.ts';
import { setUi } from '../store/store.ts';
import { lazyPart } from './lazy-part.tsx';
import { ReviewBar } from './ReviewBar.tsx';
import { TaskOverview } from './TaskOverview.tsx';

const TaskConversation = lazyPart(() => import('./TaskConversation.tsx'), 'TaskConversation');
const ActivityTimeline = lazyPart(() => import('./ActivityTimeline.tsx'), 'ActivityTimeline');
const DeliverableList = lazyPart(() => import('./DeliverableList.tsx'), 'DeliverableList');
const SessionList = lazyPart(() => import('./SessionList.tsx'), 'SessionList');
const TaskUsageTab = lazyPart(() => import('./TaskUsageTab.tsx'), 'TaskUsageTab');

/** A tab's count: up to 99, then "99+" (the tab row keeps one line). */
const count = (n: number | undefined) =>
  n ? (
    <Badge size="xs" variant="light" circle={n < 10} title={String(n)}>
      {n > 99 ? '99+' : n}
    </Badge>
  ) : null;

const icon = (Icon: typeof IconFileText) => <Icon size={16} stroke={1.75} aria-hidden />;

function TabBody({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center py="md">
          <Loader size="sm" aria-label="Loading" />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

export function TaskModal() {
  const controller = useController();
  const openId = useBoard((s) => s.ui.openTaskId);
  const task = useBoard(selectOpenTask);
  const activities = useBoard((s) => (openId ? s.data.activities[openId]?.length : 0));
  const deliverables = useBoard((s) => (openId ? s.data.deliverables[openId]?.length : 0));
  const comments = useBoard((s) => (openId ? s.data.comments[openId]?.length : 0));
  const sessions = useBoard(selectOpenTaskSessions).length;
  // Controlled, so a search hit can open the tab it was found in (and a log line its session).
  const store = useBoardStore();
  const tab = useBoard((s) => s.ui.taskTab);
  const logSessionId = useBoard((s) => s.ui.logSessionId);
  const logSeq = useBoard((s) => s.ui.logSeq);
  return (
    <Modal
      opened={openId !== null}
      onClose={controller.closeTask}
      title={task ? task.title : 'Task deleted'}
      size={880}
      data-testid="task-modal"
    >
      {!task ? (
        'This task was deleted.'
      ) : (
        <>
          <ReviewBar task={task} />
          {/* Narrower tabs than Mantine's: six with icons and counts fit the dialog (880 px) on one line. */}
          <Tabs
            value={tab}
            onChange={(value) => setUi(store, { taskTab: value ?? 'overview' })}
            keepMounted={false}
            styles={{ tab: { paddingInline: 12 } }}
          >
            <Tabs.List mb="md">
              <Tabs.Tab value="overview" leftSection={icon(IconFileText)}>
                Overview
              </Tabs.Tab>
              <Tabs.Tab value="conversation" leftSection={icon(IconMessages)} rightSection={count(comments)}>
                Conversation
              </Tabs.Tab>
              <Tabs.Tab value="activity" leftSection={icon(IconTimeline)} rightSection={count(activities)}>
                Activity
              </Tabs.Tab>
              <Tabs.Tab
                value="deliverables"
                leftSection={icon(IconPackage)}
                rightSection={count(deliverables)}
              >
                Deliverables
              </Tabs.Tab>
              <Tabs.Tab value="sessions" leftSection={icon(IconRobot)} rightSection={count(sessions)}>
                Sessions
              </Tabs.Tab>
              <Tabs.Tab value="usage" leftSection={icon(IconCoin)}>
                Usage
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="overview">
              <TaskOverview key={task.id} task={task} />
            </Tabs.Panel>
            <Tabs.Panel value="conversation">
              <TabBody>
                <TaskConversation taskId={task.id} />
              </TabBody>
            </Tabs.Panel>
            <Tabs.Panel value="activity">
              <TabBody>
                <ActivityTimeline taskId={task.id} />
              </TabBody>
            </Tabs.Panel>
            <Tabs.Panel value="deliverables">
              <TabBody>
                <DeliverableList taskId={task.id} />
              </TabBody>
            </Tabs.Panel>
            <Tabs.Panel value="sessions">
              <TabBody>
                <SessionList key={`${logSessionId ?? ''}:${logSeq ?? ''}`} />
              </TabBody>
            </Tabs.Panel>
            <Tabs.Panel value="usage">
              <TabBody>
                <TaskUsageTab task={task} />
              </TabBody>
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Modal>
  );
}
