// The agents and their status, with the live count of active sub-agent sessions (pushed, never polled).
import { Avatar, Badge, Group, Indicator, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useBoard, useBoardStore } from '../app/context.tsx';
import { selectAgents, selectSubagentCounts } from '../store/selectors.ts';
import { setUi } from '../store/store.ts';

const STATUS_COLORS = { working: 'green', standby: 'yellow', offline: 'gray' } as const;

export function AgentsSidebar() {
  const store = useBoardStore();
  const agents = useBoard(selectAgents);
  const counts = useBoard(selectSubagentCounts);
  const filter = useBoard((s) => s.ui.agentFilter);
  return (
    <Stack gap="xs" p="sm" data-testid="agents-sidebar">
      <Group justify="space-between">
        <Title order={5}>Agents</Title>
        <Badge color={counts.total ? 'grape' : 'gray'} variant="light" data-testid="active-subagents">
          {counts.total} active sub-agent{counts.total === 1 ? '' : 's'}
        </Badge>
      </Group>
      {agents.length === 0 && (
        <Text size="sm" c="dimmed">
          No agents yet. They appear here when they register.
        </Text>
      )}
      {agents.map((agent) => (
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
            <Indicator color={STATUS_COLORS[agent.status]} position="bottom-end" size={10} withBorder>
              <Avatar radius="xl" size={32}>
                {agent.avatar_emoji}
              </Avatar>
            </Indicator>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={500} truncate>
                {agent.name} {agent.is_master ? '★' : ''}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {agent.role} · {agent.status}
              </Text>
            </div>
            {(counts.byAgent[agent.id] ?? 0) > 0 && (
              <Badge size="sm" color="grape" circle>
                {counts.byAgent[agent.id]}
              </Badge>
            )}
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
