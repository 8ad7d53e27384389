// The six-column board with drag and drop (pointer and keyboard); a drop is an optimistic move.
import {
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { useMemo, useState } from 'react';
import type { Task } from '../../shared/entities.ts';
import { STATUS_LABELS, TASK_STATUSES, type TaskStatus } from '../../shared/enums.ts';
import { useBoard, useController } from '../app/context.tsx';
import { makeSelectColumns, selectDone, selectDoneLoading, selectFiltered } from '../store/selectors.ts';
import { BoardColumn } from './BoardColumn.tsx';
import { columnKeyboardCoordinates } from './board-keyboard.ts';
import type { ColumnPaging } from './ColumnMore.tsx';
import { TaskCardBody } from './TaskCard.tsx';

/**
 * The six columns share the window's width (no sideways scrolling from 1280 px up; narrower windows scroll).
 * Review, where a person acts, is wider: its cards carry Approve and Request changes.
 */
const TRACKS = TASK_STATUSES.map((status) =>
  status === 'review' ? 'minmax(224px, 1.4fr)' : 'minmax(140px, 1fr)',
).join(' ');

const isStatus = (value: unknown): value is TaskStatus => TASK_STATUSES.includes(value as TaskStatus);

// The pointer decides when there is one; keyboard drags fall back to the overlapping column.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

export function Board() {
  const controller = useController();
  const selectColumns = useMemo(makeSelectColumns, []);
  const columns = useBoard(selectColumns);
  const [dragged, setDragged] = useState<Task | null>(null);
  // Done holds its newest tasks; the count is the server's, older ones load as it scrolls.
  const done = useBoard(selectDone);
  const doneLoading = useBoard(selectDoneLoading);
  const filtered = useBoard(selectFiltered);
  const donePaging = useMemo<ColumnPaging>(
    () => ({
      more: done.next !== null,
      loading: doneLoading,
      auto: !filtered,
      onMore: (auto) => void controller.loadOlderDone(auto),
    }),
    [done.next, doneLoading, filtered, controller],
  );
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: columnKeyboardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  const onDragStart = ({ active }: DragStartEvent) => setDragged((active.data.current?.task as Task) ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    if (over && isStatus(over.id)) void controller.moveTask(String(active.id), over.id);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
      accessibility={{
        announcements: {
          onDragStart: ({ active }) => `Picked up ${(active.data.current?.task as Task)?.title}.`,
          onDragOver: ({ over }) =>
            over && isStatus(over.id) ? `Over ${STATUS_LABELS[over.id]}.` : 'Not over a column.',
          onDragEnd: ({ over }) =>
            over && isStatus(over.id) ? `Moved to ${STATUS_LABELS[over.id]}.` : 'Dropped.',
          onDragCancel: () => 'Move cancelled.',
        },
        screenReaderInstructions: {
          draggable:
            'Press space to pick up a task, left and right arrows to change column, space to drop, escape to cancel. Enter opens it.',
        },
      }}
    >
      <div className="mc-board" style={{ gridTemplateColumns: TRACKS }} data-testid="board">
        {TASK_STATUSES.map((status) => (
          <BoardColumn
            key={status}
            status={status}
            tasks={columns[status]}
            count={status === 'done' && !filtered ? done.total : undefined}
            paging={status === 'done' ? donePaging : undefined}
          />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>
        {dragged ? <TaskCardBody task={dragged} dragging /> : null}
      </DragOverlay>
    </DndContext>
  );
}
