// The signing secret of a webhook just added: shown once, with a copy button.
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import type { WebhookWithSecret } from '../../../shared/webhooks.ts';
import { CopyValueButton } from '../CopyValueButton.tsx';

export function IssuedSecret({ issued, onDone }: { issued: WebhookWithSecret; onDone: () => void }) {
  return (
    <Alert
      color="teal"
      title="Webhook added: copy its secret now"
      icon={<IconKey size={18} aria-hidden />}
      data-testid="issued-secret"
    >
      <Stack gap="xs">
        <Text size="sm">
          Your receiver verifies each request with this secret. It is shown only now: once you close this,
          nobody (you included) can see it again; rotate it to get a new one.
        </Text>
        <Group gap="xs" wrap="nowrap" align="end">
          <TextInput
            label="Secret"
            value={issued.secret}
            readOnly
            style={{ flex: 1 }}
            data-testid="webhook-secret"
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyValueButton value={issued.secret} />
        </Group>
        <Group justify="end">
          <Button size="xs" variant="default" onClick={onDone}>
            Done
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
