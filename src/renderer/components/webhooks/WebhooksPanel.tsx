// The Webhooks screen: add one (its secret shown once), the list with on/off, test and remove, and the
// selected webhook's latest delivery attempts, live while the screen is open.
import { Alert, Divider, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconWebhook } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { AddWebhookForm } from './AddWebhookForm.tsx';
import { DeliveryList } from './DeliveryList.tsx';
import { IssuedSecret } from './IssuedSecret.tsx';
import { WebhookList } from './WebhookList.tsx';
import type { WebhooksController } from './webhooks-controller.ts';

export function WebhooksPanel(props: { webhooks: WebhooksController; opened: boolean; onClose: () => void }) {
  const { webhooks, opened } = props;
  const state = useStore(webhooks.store);
  const selected = state.webhooks.find((w) => w.id === state.selected);

  useEffect(() => {
    if (!opened) return;
    void webhooks.open();
    return () => webhooks.close(); // the secret leaves the page with the screen
  }, [opened, webhooks]);

  return (
    <Drawer
      opened={opened}
      onClose={props.onClose}
      position="right"
      size="xl"
      title={
        <Group gap="xs" wrap="nowrap">
          <IconWebhook size={20} stroke={1.75} aria-hidden />
          <Title order={4}>Webhooks</Title>
        </Group>
      }
    >
      <Stack gap="md" data-testid="webhooks-panel">
        <Text size="sm" c="dimmed">
          Every event of the board, in order, posted to your URL and signed (Standard Webhooks). A runner can
          receive only one agent’s news.
        </Text>
        {state.error && (
          <Alert
            color="red"
            title="That did not work"
            icon={<IconAlertCircle size={18} aria-hidden />}
            data-testid="webhooks-error"
          >
            {state.error}
          </Alert>
        )}
        {state.issued ? (
          <IssuedSecret issued={state.issued} onDone={() => webhooks.forget()} />
        ) : (
          <AddWebhookForm busy={state.busy} onAdd={(input) => void webhooks.add(input)} />
        )}
        <Divider label="Webhooks" labelPosition="left" />
        <WebhookList
          webhooks={state.webhooks}
          loaded={state.loaded}
          selected={state.selected}
          busy={state.busy}
          onSelect={(id) => void webhooks.select(id)}
          onEnable={(id, on) => void webhooks.setEnabled(id, on)}
          onTest={(id) => void webhooks.test(id)}
          onRemove={(id) => void webhooks.remove(id)}
        />
        {selected && (
          <>
            <Divider label={`Latest deliveries · ${selected.url}`} labelPosition="left" />
            <DeliveryList deliveries={state.deliveries} />
          </>
        )}
      </Stack>
    </Drawer>
  );
}
