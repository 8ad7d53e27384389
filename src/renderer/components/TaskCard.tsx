// One task on the board: title, priority, assignee, live sub-agent count, last change; draggable.
import { useDraggable } from '@dnd-kit/core';
import { Avatar, Badge, Group, Paper, Text, Tooltip } from '@mantine/core';
import { memo } from 'react';
import type { Task } from '../../shared/entities.ts';
import { useBoard, useController } from '../app/context.tsx';
import { selectSubagentCounts } from '../store/selectors.ts';
import { RelativeTime } from './RelativeTime.tsx';
import { useReadOnly } from './remote/ReadOnlyBadge.tsx';

export const PRIORITY_COLORS = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' } as const;
export const CARD_HEIGHT = 96;

export function TaskCardBody({ task, dragging = false }: { task: Task; dragging?: boolean }) {
  const agent = useBoard((s) => (task.assigned_agent_id ? s.data.agents[task.assigned_agent_id] : undefined));
  const subagents = useBoard((s) => selectSubagentCounts(s).byTask[task.id] ?? 0);
  return (
    <Paper
      withBorder
      shadow={dragging ? 'md' : 'xs'}
      p="xs"
      h={CARD_HEIGHT - 8}
      style={{ cursor: 'grab', display: 'flex', flexDirection: 'column', justifyContent: 'space-between' }}
    >
      <Text size="sm" fw={500} lineClamp={2} data-testid="task-title">
        {task.title}
      </Text>
      <Group justify="space-between" gap={6} wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <Badge size="xs" variant="light" color={PRIORITY_COLORS[task.priority]} style={{ flexShrink: 0 }}>
            {task.priority}
          </Badge>
          {subagents > 0 && (
            <Tooltip label="Active sub-agents">
              <Badge
                size="xs"
                color="grape"
                variant="filled"
                data-testid="card-subagents"
                aria-label={`${subagents} active sub-agents`}
                style={{ flexShrink: 0 }}
              >
                ⚙ {subagents}
              </Badge>
            </Tooltip>
          )}
        </Group>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed">
            <RelativeTime iso={task.updated_at} short />
          </Text>
          {agent && (
            <Tooltip label={agent.name}>
              <Avatar size={22} radius="xl" aria-label={`Assigned to ${agent.name}`}>
                {agent.avatar_emoji}
              </Avatar>
            </Tooltip>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

export const TaskCard = memo(function TaskCard({ task }: { task: Task }) {
  const controller = useController();
  const readOnly = useReadOnly();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: task.id,
    data: { task },
    disabled: readOnly,
  });
  return (
    // biome-ignore lint/a11y: dnd-kit's attributes make it role=button with a tabIndex (a div, so it can hold the card)
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      aria-label={`${task.title}, ${task.priority} priority`}
      data-testid="task-card"
      data-task-id={task.id}
      data-status={task.status}
      style={{ opacity: isDragging ? 0.4 : 1, height: CARD_HEIGHT, paddingBottom: 8 }}
      onClick={() => controller.openTask(task.id)}
      onKeyDown={(event) => {
        listeners?.onKeyDown?.(event);
        if (event.key === 'Enter' && !isDragging && !event.defaultPrevented) controller.openTask(task.id);
      }}
    >
      <TaskCardBody task={task} />
    </div>
  );
});
