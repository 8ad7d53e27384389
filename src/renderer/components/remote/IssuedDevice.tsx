// The link for a device just added: QR code, the link itself and a copy button; its token is shown once.
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconQrcode } from '@tabler/icons-react';
import { CopyValueButton } from '../CopyValueButton.tsx';
import { QrImage } from './QrImage.tsx';
import type { IssuedDevice as Issued } from './remote-controller.ts';

export function IssuedDevice({ issued, onDone }: { issued: Issued; onDone: () => void }) {
  const { device, link } = issued;
  return (
    <Alert
      color="teal"
      title={`Open this on “${device.name}”`}
      icon={<IconQrcode size={18} aria-hidden />}
      data-testid="issued-device"
    >
      <Stack gap="xs">
        <Text size="sm">
          Scan the code or send the link. It holds the device’s token, shown only now: once you close this,
          nobody (you included) can see it again. {device.scope === 'read' ? 'Read-only.' : 'Can edit.'}
        </Text>
        {link ? (
          <>
            <QrImage value={link} label={`QR code of the link for ${device.name}`} />
            <Group gap="xs" wrap="nowrap" align="end">
              <TextInput
                label="Link"
                value={link}
                readOnly
                style={{ flex: 1 }}
                data-testid="device-link"
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyValueButton value={link} />
            </Group>
          </>
        ) : (
          <Text size="sm">Turn on “Allow other devices” to get a link for it.</Text>
        )}
        <Group justify="end">
          <Button size="xs" variant="default" onClick={onDone}>
            Done
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
