// The Webhooks screen in the served UI, against a real receiver on loopback: add one (its secret shown
// once), see its deliveries arrive live after a task is created and after "Send test", turn it off;
// and its screenshot (docs/screenshots/webhooks.png).
import { startReceiver } from '../../src/core/testing/webhook-receiver.ts';
import { createTask, expect, test } from './fixtures.ts';

test('adds a webhook, shows its secret once, and lists its deliveries live', async ({ board, server }) => {
  const receiver = await startReceiver();
  try {
    await board.getByRole('button', { name: 'Webhooks' }).click();
    const url = board.getByTestId('webhook-url');
    await expect(url).toBeInViewport({ ratio: 1 });
    await url.fill(receiver.url);
    await board.getByRole('button', { name: 'Add webhook' }).click();

    const secret = await board.getByTestId('webhook-secret').inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    await expect(board.getByRole('button', { name: 'Copy' })).toBeVisible();
    await expect(board.getByTestId('webhook-row')).toHaveCount(1);
    await expect(board.getByTestId('delivery-empty')).toBeVisible();

    const task = await createTask(server, { title: 'Tell the runner' });
    const rows = board.getByTestId('delivery-row');
    await expect(rows.filter({ hasText: 'task_created' })).toHaveCount(1);
    await receiver.until((r) => r.accepted.length === 1);
    expect(receiver.accepted[0]?.json).toMatchObject({ type: 'task_created', data: { id: task.id } });
    receiver.verifyAll(secret);

    await board.getByRole('button', { name: 'Send test' }).click();
    await expect(board.locator('[data-testid="delivery-row"][data-type="ping"]')).toHaveCount(1);
    await expect(rows).toHaveCount(2);
    receiver.verifyAll(secret);

    // Shown once: after Done it is gone from the page, and the list never carries it.
    await board.getByRole('button', { name: 'Done' }).click();
    await expect(board.getByTestId('webhook-secret')).toHaveCount(0);
    expect(await board.content()).not.toContain(secret.slice('whsec_'.length));

    // The screen for the docs (no secret on it any more), light and dark.
    await board.setViewportSize({ width: 1280, height: 800 });
    await board.waitForTimeout(400); // the drawer settles at the new size
    await board.mouse.move(0, 0);
    await board.screenshot({ path: 'docs/screenshots/webhooks.png' });
    await board.emulateMedia({ colorScheme: 'dark' });
    await board.waitForTimeout(200);
    await board.screenshot({ path: 'test-results/webhooks/webhooks-dark.png' });
    await board.emulateMedia({ colorScheme: 'light' });

    const toggle = board.getByRole('switch', { name: `Turn off ${receiver.url}` });
    await toggle.click({ force: true }); // Mantine draws the track over the (visually hidden) input
    await expect(board.getByRole('switch', { name: `Turn on ${receiver.url}` })).not.toBeChecked();
    await createTask(server, { title: 'Not sent while off' });
    await board.waitForTimeout(300);
    expect(receiver.received).toHaveLength(2);
  } finally {
    await receiver.close();
  }
});
