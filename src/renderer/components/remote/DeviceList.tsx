// The devices given a token: scope, last use, and revoke (which also ends that device's live stream).
import { Badge, Button, Table, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { Device } from '../../../shared/devices.ts';
import { RelativeTime } from '../RelativeTime.tsx';

export function DeviceList(props: { devices: Device[]; busy: boolean; onRevoke: (id: string) => void }) {
  if (props.devices.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No device has a token yet.
      </Text>
    );
  return (
    <Table data-testid="device-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Device</Table.Th>
          <Table.Th>May</Table.Th>
          <Table.Th>Last seen</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.devices.map((device) => (
          <Table.Tr
            key={device.id}
            data-testid="device-row"
            data-revoked={device.revoked_at ? 'true' : 'false'}
          >
            <Table.Td>{device.name}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={device.scope === 'read' ? 'gray' : 'blue'}>
                {device.scope === 'read' ? 'read' : 'read & write'}
              </Badge>
            </Table.Td>
            <Table.Td>{device.last_used_at ? <RelativeTime iso={device.last_used_at} /> : 'never'}</Table.Td>
            <Table.Td ta="right">
              {device.revoked_at ? (
                <Text size="sm" c="dimmed">
                  revoked
                </Text>
              ) : (
                <Button
                  size="xs"
                  color="red"
                  variant="subtle"
                  disabled={props.busy}
                  aria-label={`Revoke ${device.name}`}
                  leftSection={<IconTrash size={14} aria-hidden />}
                  onClick={() => props.onRevoke(device.id)}
                >
                  Revoke
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
