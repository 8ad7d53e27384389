import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Webhook, WebhookDelivery } from '../../../shared/webhooks.ts';
import type { FakeBackend } from '../../fake-backend.ts';
import { renderBoard } from '../../render-board.tsx';
import { WebhooksButton } from './WebhooksButton.tsx';

const SECRET = 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0';
const at = '2026-01-31T12:00:00.000Z';

/** Behaves like the server for the owner, with a real long-poll on the deliveries. */
function serverLike(backend: FakeBackend) {
  const hooks: Webhook[] = [];
  const deliveries: WebhookDelivery[] = [];
  let waiting: Array<() => void> = [];
  const after = (seq: number) => deliveries.filter((d) => d.seq > seq).reverse();
  backend.handlers['webhooks.list'] = () => structuredClone(hooks);
  backend.handlers['webhooks.create'] = (input) => {
    const hook: Webhook = {
      id: `w${hooks.length + 1}`,
      url: (input as { url: string }).url,
      description: null,
      events: [],
      agent_id: null,
      enabled: true,
      disabled_reason: null,
      last_event_id: 0,
      failures: 0,
      failing_since: null,
      next_attempt_at: null,
      created_at: at,
      updated_at: at,
    };
    hooks.push(hook);
    return { ...hook, secret: SECRET };
  };
  backend.handlers['webhooks.update'] = (input) => {
    const { id, changes } = input as { id: string; changes: { enabled: boolean } };
    const hook = hooks.find((h) => h.id === id) as Webhook;
    hook.enabled = changes.enabled;
    return hook;
  };
  backend.handlers['webhooks.deliveries'] = (input) => {
    const { after: seq = 0, wait_s = 0 } = input as { after?: number; wait_s?: number };
    if (after(seq).length > 0 || !wait_s) return after(seq);
    return new Promise((resolve) => waiting.push(() => resolve(after(seq))));
  };
  const deliver = (type: string, status = 200) => {
    const delivery: WebhookDelivery = {
      seq: deliveries.length + 1,
      event_id: type === 'ping' ? 'ping_1' : String(deliveries.length + 7),
      type,
      status_code: status,
      error: status < 300 ? null : `HTTP ${status}`,
      duration_ms: 12,
      at,
    };
    deliveries.push(delivery);
    const wake = waiting;
    waiting = [];
    for (const w of wake) w();
    return delivery;
  };
  backend.handlers['webhooks.test'] = () => deliver('ping');
  return { deliver };
}

describe('Webhooks screen', () => {
  it('adds a webhook, shows its secret once, and lists its deliveries as they happen', async () => {
    const user = userEvent.setup();
    const view = renderBoard(<WebhooksButton />);
    const server = serverLike(view.backend);
    await user.click(screen.getByRole('button', { name: 'Webhooks' }));
    expect(await screen.findByText('No webhook yet.')).toBeInTheDocument();

    await user.type(screen.getByTestId('webhook-url'), 'https://runner.example.com/hook');
    await user.click(screen.getByRole('button', { name: 'Add webhook' }));
    const issued = await screen.findByTestId('issued-secret');
    expect(within(issued).getByTestId('webhook-secret')).toHaveValue(SECRET);
    expect(within(issued).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(view.backend.calls).toContainEqual({
      command: 'webhooks.create',
      input: { url: 'https://runner.example.com/hook', events: [] },
    });
    expect(await screen.findByTestId('delivery-empty')).toBeInTheDocument();

    server.deliver('task_created');
    const row = await screen.findByTestId('delivery-row');
    expect(row).toHaveAttribute('data-type', 'task_created');
    server.deliver('task_updated', 503);
    await waitFor(() => expect(screen.getAllByTestId('delivery-row')).toHaveLength(2));
    expect(screen.getByText('HTTP 503')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Send test' }));
    await waitFor(() =>
      expect(screen.getAllByTestId('delivery-row')[0]).toHaveAttribute('data-type', 'ping'),
    );

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('issued-secret')).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(SECRET);

    await user.click(screen.getByRole('switch', { name: 'Turn off https://runner.example.com/hook' }));
    await waitFor(() =>
      expect(view.backend.calls).toContainEqual({
        command: 'webhooks.update',
        input: { id: 'w1', changes: { enabled: false } },
      }),
    );
    expect(await screen.findByText('off')).toBeInTheDocument();
  });

  it('sends only the event types picked in the form', async () => {
    const user = userEvent.setup();
    const view = renderBoard(<WebhooksButton />);
    serverLike(view.backend);
    await user.click(screen.getByRole('button', { name: 'Webhooks' }));
    await user.type(screen.getByTestId('webhook-url'), 'https://ci.example.com/hook');
    await user.click(screen.getByTestId('webhook-events'));
    await user.click(await screen.findByRole('option', { name: 'review_decided' }));
    await user.click(screen.getByRole('button', { name: 'Add webhook' }));
    await waitFor(() =>
      expect(view.backend.calls).toContainEqual({
        command: 'webhooks.create',
        input: { url: 'https://ci.example.com/hook', events: ['review_decided'] },
      }),
    );
  });

  it('is not offered to a device token (the server refuses devices)', async () => {
    const view = renderBoard(<WebhooksButton />);
    view.store.setState((s) => ({ access: { ...s.access, deviceId: 'd1' } }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Webhooks' })).not.toBeInTheDocument());
  });
});
