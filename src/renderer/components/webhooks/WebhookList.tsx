// The webhooks: URL, filter, health; on/off, send a test, remove. Clicking a row shows its deliveries.
import { ActionIcon, Badge, Button, Group, Switch, Table, Text } from '@mantine/core';
import { IconSend, IconTrash } from '@tabler/icons-react';
import type { Webhook } from '../../../shared/webhooks.ts';
import { useBoard } from '../../app/context.tsx';

function Health({ webhook }: { webhook: Webhook }) {
  if (!webhook.enabled)
    return (
      <Badge variant="light" color={webhook.disabled_reason ? 'red' : 'gray'}>
        {webhook.disabled_reason ? 'off: failed 24 h' : 'off'}
      </Badge>
    );
  if (webhook.failures > 0)
    return (
      <Badge variant="light" color={webhook.failures >= 5 ? 'red' : 'yellow'}>
        failing ×{webhook.failures}
      </Badge>
    );
  return (
    <Badge variant="light" color="teal">
      healthy
    </Badge>
  );
}

export function WebhookList(props: {
  webhooks: Webhook[];
  loaded: boolean;
  selected: string | null;
  busy: boolean;
  onSelect: (id: string) => void;
  onEnable: (id: string, on: boolean) => void;
  onTest: (id: string) => void;
  onRemove: (id: string) => void;
}) {
  const agents = useBoard((s) => s.data.agents);
  if (props.loaded && props.webhooks.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No webhook yet.
      </Text>
    );
  return (
    <Table highlightOnHover data-testid="webhook-list">
      <Table.Tbody>
        {props.webhooks.map((w) => (
          <Table.Tr
            key={w.id}
            data-testid="webhook-row"
            data-selected={w.id === props.selected ? 'true' : 'false'}
            bg={w.id === props.selected ? 'var(--mantine-color-default-hover)' : undefined}
            style={{ cursor: 'pointer' }}
            onClick={() => props.onSelect(w.id)}
          >
            <Table.Td style={{ maxWidth: 260 }}>
              <Text size="sm" truncate="end" title={w.url}>
                {w.url}
              </Text>
              <Text size="xs" c="dimmed">
                {w.agent_id ? `${agents[w.agent_id]?.name ?? w.agent_id}’s news` : 'every event'}
                {w.events.length ? ` · ${w.events.join(', ')}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <Health webhook={w} />
            </Table.Td>
            <Table.Td onClick={(e) => e.stopPropagation()}>
              <Group gap={6} wrap="nowrap" justify="end">
                <Switch
                  size="sm"
                  checked={w.enabled}
                  disabled={props.busy}
                  aria-label={w.enabled ? `Turn off ${w.url}` : `Turn on ${w.url}`}
                  onChange={(e) => props.onEnable(w.id, e.currentTarget.checked)}
                />
                <Button
                  size="compact-xs"
                  variant="default"
                  disabled={props.busy}
                  leftSection={<IconSend size={14} aria-hidden />}
                  onClick={() => props.onTest(w.id)}
                >
                  Send test
                </Button>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  disabled={props.busy}
                  aria-label={`Remove ${w.url}`}
                  onClick={() => props.onRemove(w.id)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
