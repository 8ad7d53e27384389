// The modal's Activity tab: what happened to the task, who did it, when; metadata on demand; chips
// filter it by type and agent (in place: the list stays live).
import { Code, Loader, Text, Timeline } from '@mantine/core';
import { IconArrowsExchange, IconCircleCheck, IconFile, IconPencil, IconRocket } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ActivityType } from '../../shared/enums.ts';
import { useBoard } from '../app/context.tsx';
import { type ActivityFilter, ActivityFilterChips, matchesFilter } from './ActivityFilterChips.tsx';
import { RelativeTime } from './RelativeTime.tsx';

/** Tabler icons, not emoji: a machine without an emoji font draws those as empty boxes. */
const ICONS: Record<ActivityType, typeof IconRocket> = {
  spawned: IconRocket,
  updated: IconPencil,
  completed: IconCircleCheck,
  file_created: IconFile,
  status_changed: IconArrowsExchange,
};

export function ActivityTimeline({ taskId }: { taskId: string }) {
  const all = useBoard((s) => s.data.activities[taskId]);
  const loading = useBoard((s) => s.loading[taskId] ?? false);
  const agents = useBoard((s) => s.data.agents);
  const [filter, setFilter] = useState<ActivityFilter>({ types: [], agents: [] });
  // The choices are what this task's log holds, in first-seen order.
  const choices = useMemo(() => {
    const types = [...new Set((all ?? []).map((a) => a.activity_type))];
    const ids = [...new Set((all ?? []).map((a) => a.agent_id))];
    const name = (id: string | null) => (id ? (agents[id]?.name ?? 'removed agent') : 'system');
    return { types, agents: ids.map((id) => ({ id, name: name(id) })) };
  }, [all, agents]);
  if (!all?.length) return loading ? <Loader size="sm" /> : <Text c="dimmed">No activity yet.</Text>;
  const activities = all.filter((a) => matchesFilter(filter, a.activity_type, a.agent_id));
  return (
    <>
      <ActivityFilterChips
        types={choices.types}
        agents={choices.agents}
        filter={filter}
        onChange={setFilter}
      />
      {activities.length === 0 && <Text c="dimmed">No activity matches these filters.</Text>}
      <Timeline
        bulletSize={24}
        lineWidth={2}
        styles={{ itemTitle: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600 } }}
        data-testid="activity-timeline"
      >
        {activities.map((a) => {
          const Icon = ICONS[a.activity_type];
          return (
            <Timeline.Item
              key={a.id}
              bullet={<Icon size={14} stroke={1.75} aria-hidden />}
              title={a.message}
              data-testid="activity-item"
            >
              <Text size="xs" c="dimmed">
                {a.activity_type.replace('_', ' ')} ·{' '}
                {a.agent_id ? (agents[a.agent_id]?.name ?? 'removed agent') : 'system'} ·{' '}
                <RelativeTime iso={a.created_at} />
              </Text>
              {a.metadata && (
                <details>
                  <summary style={{ cursor: 'pointer', fontSize: 12 }}>metadata</summary>
                  <Code block>{JSON.stringify(a.metadata, null, 2)}</Code>
                </details>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </>
  );
}
