// A webhook's latest delivery attempts, newest first: what was sent, how the receiver answered, how long.
import { Badge, Table, Text } from '@mantine/core';
import type { WebhookDelivery } from '../../../shared/webhooks.ts';
import { RelativeTime } from '../RelativeTime.tsx';

export function DeliveryList({ deliveries }: { deliveries: WebhookDelivery[] }) {
  if (deliveries.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="delivery-empty">
        Nothing sent yet. New events go out as they happen; “Send test” sends a ping.
      </Text>
    );
  return (
    <Table data-testid="delivery-list" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Event</Table.Th>
          <Table.Th>Answer</Table.Th>
          <Table.Th>Time</Table.Th>
          <Table.Th>When</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {deliveries.map((d) => (
          <Table.Tr
            key={d.seq}
            data-testid="delivery-row"
            data-type={d.type}
            data-ok={d.error ? 'false' : 'true'}
          >
            <Table.Td>
              <Text size="sm">{d.type}</Text>
              <Text size="xs" c="dimmed" truncate="end" maw={160}>
                {d.event_id}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={d.error ? 'red' : 'teal'}>
                {d.status_code ?? 'no answer'}
              </Badge>
              {d.error && (
                <Text size="xs" c="red">
                  {d.error}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{d.duration_ms} ms</Table.Td>
            <Table.Td>
              <RelativeTime iso={d.at} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
