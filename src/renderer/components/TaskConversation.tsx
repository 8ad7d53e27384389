// The modal's Conversation tab: the task's comments oldest first, live, and the composer.
import { Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useBoard } from '../app/context.tsx';
import { CommentComposer } from './CommentComposer.tsx';
import { CommentItem } from './CommentItem.tsx';
import { useReadOnly } from './remote/ReadOnlyBadge.tsx';

export function TaskConversation({ taskId }: { taskId: string }) {
  const comments = useBoard((s) => s.data.comments[taskId]);
  const loading = useBoard((s) => s.loading[taskId] ?? false);
  const readOnly = useReadOnly();
  const viewport = useRef<HTMLDivElement>(null);
  const count = comments?.length ?? 0;

  // The newest comment is the one to read: keep the list scrolled to its end as comments arrive.
  useEffect(() => {
    const el = viewport.current;
    if (el && count) el.scrollTop = el.scrollHeight;
  }, [count]);

  return (
    <Stack gap="md">
      {count === 0 ? (
        loading ? (
          <Loader size="sm" />
        ) : (
          <Text c="dimmed" size="sm">
            No comments yet. What you write here reaches the assigned agent's inbox.
          </Text>
        )
      ) : (
        <ScrollArea.Autosize mah={340} viewportRef={viewport} type="auto" offsetScrollbars="present">
          <Stack gap="sm" data-testid="conversation">
            {comments?.map((comment) => (
              <CommentItem key={comment.id} comment={comment} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
      {!readOnly && <CommentComposer taskId={taskId} />}
    </Stack>
  );
}
