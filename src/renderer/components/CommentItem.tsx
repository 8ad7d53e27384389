// One comment in a task's conversation: who wrote it (an agent, or "You" for the operator), when, what.
import { Avatar, Group, Text } from '@mantine/core';
import { IconUser } from '@tabler/icons-react';
import type { Comment } from '../../shared/entities.ts';
import { useBoard } from '../app/context.tsx';
import { avatarText } from './avatar-text.ts';
import { RelativeTime } from './RelativeTime.tsx';

export function CommentItem({ comment }: { comment: Comment }) {
  const agent = useBoard((s) => (comment.agent_id ? s.data.agents[comment.agent_id] : undefined));
  const operator = comment.author === 'operator';
  const name = operator ? 'You' : (agent?.name ?? 'Removed agent');
  return (
    <Group
      align="flex-start"
      gap="sm"
      wrap="nowrap"
      data-testid="comment"
      data-author={comment.author}
      aria-label={`${name} wrote`}
      role="article"
    >
      <Avatar
        radius="xl"
        size={30}
        color={operator ? 'blue' : 'gray'}
        title={operator ? 'The operator' : name}
        data-avatar
      >
        {operator ? <IconUser size={16} aria-hidden /> : agent ? avatarText(agent) : '?'}
      </Avatar>
      <div className={operator ? 'mc-comment mc-comment-operator' : 'mc-comment'}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            {name}
          </Text>
          <Text size="xs" c="dimmed">
            <RelativeTime iso={comment.created_at} />
          </Text>
        </Group>
        <Text size="sm" className="mc-comment-body" data-testid="comment-body">
          {comment.body}
        </Text>
      </div>
    </Group>
  );
}
