// "Other devices": the LAN switch, the links other devices open, device tokens (add with QR, revoke).
import { Alert, Code, Divider, Drawer, Group, Loader, Stack, Switch, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconDevices } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { AddDeviceForm } from './AddDeviceForm.tsx';
import { DeviceList } from './DeviceList.tsx';
import { IssuedDevice } from './IssuedDevice.tsx';
import type { RemoteController } from './remote-controller.ts';

export function RemotePanel(props: { remote: RemoteController; opened: boolean; onClose: () => void }) {
  const { remote, opened } = props;
  const state = useStore(remote.store);
  const { status, busy, error, issued, devices } = state;

  useEffect(() => {
    if (opened) void remote.load();
  }, [opened, remote]);

  const close = () => {
    remote.forget(); // the token leaves the page with the panel
    props.onClose();
  };

  return (
    <Drawer
      opened={opened}
      onClose={close}
      position="right"
      size="lg"
      title={
        <Group gap="xs" wrap="nowrap">
          <IconDevices size={20} stroke={1.75} aria-hidden />
          <Title order={4}>Other devices</Title>
        </Group>
      }
    >
      <Stack gap="md">
        {error && (
          <Alert
            color="red"
            title="That did not work"
            icon={<IconAlertCircle size={18} aria-hidden />}
            data-testid="remote-error"
          >
            {error}
          </Alert>
        )}
        {!status ? (
          busy ? (
            <Loader size="sm" aria-label="Loading" />
          ) : null
        ) : (
          <>
            <Switch
              size="md"
              label="Allow other devices on my network"
              description={
                status.fixed
                  ? 'The server was started with --host beyond this computer: other devices can always reach it (with a token).'
                  : status.enabled
                    ? 'On: this board also listens on your network. Every device still needs a token.'
                    : `Off: only this computer can open the board.${status.addresses.length ? ` On, it listens on ${status.addresses.join(', ')}.` : ' This computer has no network address right now.'}`
              }
              checked={status.enabled}
              disabled={busy || status.fixed}
              onChange={(e) => void remote.setEnabled(e.currentTarget.checked)}
            />
            {status.enabled && (
              <Stack gap={4} data-testid="remote-urls">
                <Text size="sm" fw={500}>
                  Open on the other device
                </Text>
                {status.urls.map((url) => (
                  <Code key={url}>{url}</Code>
                ))}
              </Stack>
            )}
            {status.enabled && (
              <>
                <Divider />
                {issued ? (
                  <IssuedDevice issued={issued} onDone={() => remote.forget()} />
                ) : (
                  <AddDeviceForm
                    busy={busy}
                    onAdd={(name, scope) => void remote.addDevice({ name, scope })}
                  />
                )}
              </>
            )}
          </>
        )}
        <Divider label="Devices with a token" labelPosition="left" />
        <DeviceList devices={devices} busy={busy} onRevoke={(id) => void remote.revoke(id)} />
        <Text size="xs" c="dimmed">
          The token rides in the link’s <Code>#token=</Code> part, which browsers never send to a server or a
          log.
        </Text>
      </Stack>
    </Drawer>
  );
}
