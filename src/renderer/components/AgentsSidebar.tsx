// The agents, their presence, and the live count of active (and silent) sub-agent sessions (pushed, never polled).
import { Badge, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { useBoard, useBoardStore } from '../app/context.tsx';
import { type SubagentCounts, selectAgents, selectSubagentCounts } from '../store/selectors.ts';
import { setUi } from '../store/store.ts';
import { AgentAvatar } from './AgentAvatar.tsx';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "2 active sub-agents", or "2 active · 1 silent" once some stopped sending heartbeats. */
const describeSubagents = ({ total, silent }: SubagentCounts) =>
  silent > 0 ? `${total} active · ${silent} silent` : plural(total, 'active sub-agent');

function SubagentCount({ counts }: { counts: SubagentCounts }) {
  return (
    <Badge color={counts.total ? 'grape' : 'gray'} variant="light" data-testid="active-subagents">
      {describeSubagents(counts)}
    </Badge>
  );
}

export function AgentsSidebar() {
  const store = useBoardStore();
  const agents = useBoard(selectAgents);
  const counts = useBoard(selectSubagentCounts);
  const filter = useBoard((s) => s.ui.agentFilter);
  return (
    <Stack gap="xs" p="sm" data-testid="agents-sidebar">
      <Group justify="space-between" gap={6}>
        <Title order={5}>Agents</Title>
        <SubagentCount counts={counts} />
      </Group>
      {agents.length === 0 && (
        <Text size="sm" c="dimmed">
          No agents yet. They appear here when they register.
        </Text>
      )}
      {agents.map((agent) => {
        const active = counts.byAgent[agent.id] ?? 0;
        const silent = counts.silentByAgent[agent.id] ?? 0;
        return (
          <UnstyledButton
            key={agent.id}
            onClick={() => setUi(store, { agentFilter: filter === agent.id ? null : agent.id })}
            aria-pressed={filter === agent.id}
            data-testid="agent-row"
            p={6}
            style={{
              borderRadius: 6,
              background: filter === agent.id ? 'var(--mantine-color-blue-light)' : undefined,
            }}
          >
            <Group gap="sm" wrap="nowrap">
              <AgentAvatar agent={agent} />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm" fw={500} truncate>
                    {agent.name}
                  </Text>
                  {agent.is_master && (
                    <IconStarFilled
                      size={12}
                      color="var(--mantine-color-yellow-filled)"
                      role="img"
                      aria-label="Lead agent"
                      title="Lead agent"
                      style={{ flexShrink: 0 }}
                    />
                  )}
                </Group>
                <Text size="xs" c="dimmed" truncate>
                  {agent.role} · {agent.status}
                </Text>
              </div>
              {active > 0 && (
                <Badge size="sm" color="grape" circle aria-label={plural(active, 'active sub-agent')}>
                  {active}
                </Badge>
              )}
              {silent > 0 && (
                <Badge
                  size="sm"
                  color="gray"
                  variant="light"
                  circle
                  aria-label={plural(silent, 'silent sub-agent')}
                >
                  {silent}
                </Badge>
              )}
            </Group>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
