// Shown while the board has no tasks: how an agent connects, with this server's own URL.
import { Code, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLayoutKanban } from '@tabler/icons-react';
import { useBoard } from '../app/context.tsx';

/** `origin`: the page's own, which is the API in a browser; the desktop's page is app://, so it uses its API URL. */
export function EmptyBoard({ origin }: { origin: string }) {
  const apiUrl = useBoard((s) => s.host.apiUrl) ?? origin;
  const curl = `curl -X POST ${apiUrl}/api/tasks \\
  -H "Authorization: Bearer $(cat .mission-control/token)" \\
  -H "Content-Type: application/json" \\
  -d '{"title":"My first task"}'`;
  return (
    <Paper withBorder p="lg" m="sm" radius="md" data-testid="empty-board">
      <Stack gap="xs">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size={32} radius="md">
            <IconLayoutKanban size={18} stroke={1.75} aria-hidden />
          </ThemeIcon>
          <Title order={4}>No tasks yet</Title>
        </Group>
        {apiUrl ? (
          <>
            <Text size="sm">
              Press <b>n</b> to create one, or let an agent post it to the API. Agents send the token from the
              data directory as a bearer token:
            </Text>
            <Code block>{curl}</Code>
            <Text size="sm" c="dimmed">
              It appears on this board the moment the server accepts it; no reload needed.
            </Text>
          </>
        ) : (
          <Text size="sm">
            Press <b>n</b> to create one. The agent API is not running (its port could not be opened), so
            agents cannot post tasks until the app is restarted.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
