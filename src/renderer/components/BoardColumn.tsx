// One status column: header with its count, a drop target, and a virtualised list of cards; the Done
// column holds only its newest tasks and loads older ones as it is scrolled to its end.
import { useDroppable } from '@dnd-kit/core';
import { Badge, Group, Paper, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef } from 'react';
import type { Task } from '../../shared/entities.ts';
import { STATUS_LABELS, type TaskStatus } from '../../shared/enums.ts';
import { ColumnMore, type ColumnPaging } from './ColumnMore.tsx';
import { useReadOnly } from './remote/ReadOnlyBadge.tsx';
import { cardHeight, showsReviewActions, TaskCard } from './TaskCard.tsx';

/** The virtualiser's first guess before it measures the column (only the height matters to it). */
const INITIAL_RECT = { width: 200, height: 800 };
/** A page is asked for when the last card in view is this close to the end of what is loaded. */
const NEAR_END = 20;

/** Memoised: a column whose list did not change (same array from the selector) skips its render. */
export const BoardColumn = memo(function BoardColumn({
  status,
  tasks,
  count,
  paging,
}: {
  status: TaskStatus;
  tasks: Task[];
  /** The header's count when the column holds only part of its tasks (Done); else `tasks.length`. */
  count?: number;
  paging?: ColumnPaging;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const scrollRef = useRef<HTMLDivElement>(null);
  const readOnly = useReadOnly();
  // Only the cards in view (plus a few) are in the DOM, so 10,000 tasks cost what 20 do.
  // A new getItemKey makes the virtualizer recompute every item's offset (O(n)): only when the list changes.
  // (The access is a dependency too: it decides whether review cards have their buttons, and so their height.)
  // biome-ignore lint/correctness/useExhaustiveDependencies: readOnly changes the heights, hence the offsets
  const getItemKey = useCallback((index: number) => tasks[index]?.id ?? index, [tasks, readOnly]);
  // Known heights (a held or blocked card is one line taller, a card in review has a row of buttons).
  const estimateSize = useCallback(
    (index: number) => {
      const task = tasks[index];
      return task ? cardHeight(task, showsReviewActions(task, readOnly)) : 0;
    },
    [tasks, readOnly],
  );
  const virtualizer = useVirtualizer({
    count: tasks.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 6,
    getItemKey,
    initialRect: INITIAL_RECT,
  });
  const items = virtualizer.getVirtualItems();
  const lastInView = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (paging?.more && paging.auto && !paging.loading && lastInView >= tasks.length - NEAR_END)
      paging.onMore(true);
  }, [paging, lastInView, tasks.length]);
  return (
    <Paper
      ref={setNodeRef}
      component="section"
      aria-label={`${STATUS_LABELS[status]} column`}
      data-testid={`column-${status}`}
      data-loaded={tasks.length}
      data-over={isOver ? 'true' : undefined}
      withBorder
      radius="md"
      bg={isOver ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-default-hover)'}
      style={{
        minWidth: 0,
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
      }}
    >
      <Group justify="space-between" px="sm" py={8} gap={6} wrap="nowrap">
        <Text fw={600} size="sm" truncate>
          {STATUS_LABELS[status]}
        </Text>
        <Badge variant="default" data-testid={`count-${status}`}>
          {count ?? tasks.length}
        </Badge>
      </Group>
      <div
        ref={scrollRef}
        data-testid={`scroll-${status}`}
        style={{ overflowY: 'auto', flex: 1, padding: '0 6px 6px' }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const task = tasks[item.index];
            if (!task) return null;
            return (
              <div
                key={item.key}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                <TaskCard task={task} />
              </div>
            );
          })}
        </div>
        {paging ? <ColumnMore paging={paging} /> : null}
      </div>
    </Paper>
  );
});
