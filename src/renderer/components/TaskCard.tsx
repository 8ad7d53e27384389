// One task on the board: title, work state, priority, assignee, live sub-agent count, last change; draggable;
// in review, Approve and Request changes.
import { useDraggable } from '@dnd-kit/core';
import { IconRobot, IconZzz } from '@tabler/icons-react';
import { memo } from 'react';
import type { Task } from '../../shared/entities.ts';
import { useBoard, useController } from '../app/context.tsx';
import { selectSubagentCounts } from '../store/selectors.ts';
import { avatarText } from './avatar-text.ts';
import { CardAge } from './CardAge.tsx';
import { CardCostChip } from './CardCostChip.tsx';
import { CardWorkLine, describeWork, useCardWork } from './CardWorkLine.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { useReadOnly } from './remote/ReadOnlyBadge.tsx';

const PRIORITY_COLORS = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' } as const;
const CARD_HEIGHT = 96;
const WORK_LINE_HEIGHT = 18;
const REVIEW_ROW_HEIGHT = 30;

/** Whether a card shows Approve / Request changes: in review, for a session that may write. */
export const showsReviewActions = (task: Task, readOnly: boolean) => task.status === 'review' && !readOnly;

/**
 * A held or blocked task gets one more line, a card in review a row of buttons; heights follow from the
 * task (and the session's access), so nothing is measured.
 */
export const cardHeight = (task: Task, reviewActions = false) =>
  CARD_HEIGHT + (task.lease || task.blocked ? WORK_LINE_HEIGHT : 0) + (reviewActions ? REVIEW_ROW_HEIGHT : 0);

/**
 * Plain elements styled by `.mc-card*` in styles.css with Mantine's CSS variables: the board shows ~90 of
 * these at once, and Mantine's Paper/Text/Group/Badge/Tooltip cost a style resolution (and, for Tooltip,
 * a floating-ui instance) per element — about a fifth of a 10,000-task board's first render (docs/UI.md).
 */
export function TaskCardBody({ task, dragging = false }: { task: Task; dragging?: boolean }) {
  const reviewActions = showsReviewActions(task, useReadOnly());
  const agent = useBoard((s) => (task.assigned_agent_id ? s.data.agents[task.assigned_agent_id] : undefined));
  const subagents = useBoard((s) => selectSubagentCounts(s).byTask[task.id] ?? 0);
  const silent = useBoard((s) => selectSubagentCounts(s).silentByTask[task.id] ?? 0);
  const work = useCardWork(task);
  return (
    <div
      className={`mc-card${dragging ? ' mc-card-dragging' : ''}${reviewActions ? ' mc-card-review' : ''}`}
      style={{ height: cardHeight(task, reviewActions) - 8 }}
    >
      <div className="mc-card-title" data-testid="task-title">
        {task.title}
      </div>
      {(work.holder !== null || work.waitingFor !== null) && <CardWorkLine work={work} />}
      <div className="mc-card-row">
        <div className="mc-card-group">
          <span className={`mc-chip mc-chip-${PRIORITY_COLORS[task.priority]}`}>{task.priority}</span>
          <CardCostChip task={task} />
          {subagents > 0 && (
            <span
              className="mc-chip mc-chip-count mc-chip-subagents"
              role="img"
              title="Active sub-agents"
              data-testid="card-subagents"
              aria-label={`${subagents} active sub-agents`}
            >
              <IconRobot size={11} stroke={2.25} aria-hidden />
              {subagents}
            </span>
          )}
          {silent > 0 && (
            <span
              className="mc-chip mc-chip-count mc-chip-silent"
              role="img"
              title="Sub-agents that stopped sending heartbeats"
              data-testid="card-silent-subagents"
              aria-label={`${silent} silent sub-agent${silent === 1 ? '' : 's'}`}
            >
              <IconZzz size={11} stroke={2.25} aria-hidden />
              {silent}
            </span>
          )}
        </div>
        {/* Avatar first: the group runs right to left, so a card too narrow for both drops the age. */}
        <div className="mc-card-group mc-card-end">
          {agent && (
            <span
              className="mc-card-avatar"
              data-avatar
              role="img"
              title={agent.name}
              aria-label={`Assigned to ${agent.name}`}
            >
              {avatarText(agent)}
            </span>
          )}
          <span className="mc-card-age">
            <CardAge iso={task.updated_at} />
          </span>
        </div>
      </div>
    </div>
  );
}

export const TaskCard = memo(function TaskCard({ task }: { task: Task }) {
  const controller = useController();
  const readOnly = useReadOnly();
  const reviewActions = showsReviewActions(task, readOnly);
  const work = describeWork(useCardWork(task));
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: task.id,
    data: { task },
    disabled: readOnly,
  });
  return (
    <>
      {/* biome-ignore lint/a11y: dnd-kit's attributes make it role=button with a tabIndex (a div, so it can hold the card) */}
      <div
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        aria-label={`${task.title}, ${task.priority} priority${work ? `, ${work}` : ''}`}
        data-testid="task-card"
        data-task-id={task.id}
        data-status={task.status}
        style={{ opacity: isDragging ? 0.4 : 1, height: cardHeight(task, reviewActions), paddingBottom: 8 }}
        onClick={() => controller.openTask(task.id)}
        onKeyDown={(event) => {
          listeners?.onKeyDown?.(event);
          if (event.key === 'Enter' && !isDragging && !event.defaultPrevented) controller.openTask(task.id);
        }}
      >
        <TaskCardBody task={task} />
      </div>
      {reviewActions && !isDragging && <ReviewActions task={task} />}
    </>
  );
});
