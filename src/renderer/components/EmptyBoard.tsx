// Shown while the board has no tasks: how an agent connects, with this server's own URL.
import { Code, Paper, Stack, Text, Title } from '@mantine/core';

export function EmptyBoard({ origin }: { origin: string }) {
  const curl = `curl -X POST ${origin}/api/tasks \\
  -H "Authorization: Bearer $(cat .mission-control/token)" \\
  -H "Content-Type: application/json" \\
  -d '{"title":"My first task"}'`;
  return (
    <Paper withBorder p="lg" m="sm" radius="md" data-testid="empty-board">
      <Stack gap="xs">
        <Title order={4}>No tasks yet</Title>
        <Text size="sm">
          Press <b>n</b> to create one, or let an agent post it to the API. Agents send the token from the
          data directory as a bearer token:
        </Text>
        <Code block>{curl}</Code>
        <Text size="sm" c="dimmed">
          It appears on this board the moment the server accepts it; no reload needed.
        </Text>
      </Stack>
    </Paper>
  );
}
