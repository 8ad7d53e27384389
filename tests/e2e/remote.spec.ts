// The "Other devices" panel in the served UI: LAN switch, a read-only device's link + QR, revoke.
// 127.0.0.2 stands in for the LAN address (MISSION_CONTROL_LAN_ADDRESSES), so all traffic stays on loopback.
import type { Page } from '@playwright/test';
import { createTask, expect, test } from './fixtures.ts';

const LAN = '127.0.0.2';
let previous: string | undefined;
test.beforeAll(() => {
  previous = process.env.MISSION_CONTROL_LAN_ADDRESSES;
  process.env.MISSION_CONTROL_LAN_ADDRESSES = LAN; // read by the server the fixture spawns
});
test.afterAll(() => {
  if (previous === undefined) delete process.env.MISSION_CONTROL_LAN_ADDRESSES;
  else process.env.MISSION_CONTROL_LAN_ADDRESSES = previous;
});

/** Opens the panel and waits for the drawer to finish sliding in before anything in it is clicked. */
async function openPanel(board: Page) {
  await board.getByRole('button', { name: 'Other devices' }).click();
  const toggle = board.getByRole('switch', { name: /Allow other devices on my network/ });
  await expect(toggle).toBeInViewport({ ratio: 1 });
  return toggle;
}

test('a read-only device opens the QR link, follows the board, cannot write, and loses access when revoked', async ({
  board,
  server,
}) => {
  const lanBase = `http://${LAN}:${server.port}`;
  await expect(board.getByTestId('read-only-badge')).toHaveCount(0);
  const toggle = await openPanel(board);
  await expect(toggle).not.toBeChecked();
  await toggle.click({ force: true }); // Mantine draws the track over the (visually hidden) input
  await expect(toggle).toBeChecked();
  await expect(board.getByTestId('remote-urls')).toContainText(lanBase);

  await board.getByLabel('Add a device').fill('Couch tablet');
  await board.getByRole('button', { name: 'Add', exact: true }).click();
  const qr = board.getByRole('img', { name: 'QR code of the link for Couch tablet' });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  expect(await qr.evaluate((img) => (img as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
  const link = await board.getByTestId('device-link').inputValue();
  expect(link).toMatch(new RegExp(`^${lanBase.replaceAll('.', '\\.')}/#token=mcd_[A-Za-z0-9_-]+$`));
  await expect(board.getByRole('button', { name: 'Copy' })).toBeVisible();

  // The other device: a fresh browser profile, reaching the LAN listener through the link alone.
  const other = await board.context().browser()?.newContext();
  if (!other) throw new Error('no browser to open a second context');
  const device = await other.newPage();
  await device.goto(link);
  await expect(device.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  expect(device.url()).not.toContain('token='); // the fragment is gone from the address bar
  await expect(device.getByTestId('read-only-badge')).toBeVisible();
  await expect(device.getByRole('button', { name: /New task/ })).toHaveCount(0);
  await expect(device.getByRole('button', { name: 'Other devices' })).toHaveCount(0);

  const task = await createTask(server, { title: 'Watched from the couch' });
  await expect(device.locator(`[data-testid="task-card"][data-task-id="${task.id}"]`)).toBeVisible();
  const write = await device.evaluate(async () => {
    const res = await fetch('/api/tasks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'sneaky' }),
    });
    return { status: res.status, body: await res.json() };
  });
  expect(write).toEqual({
    status: 403,
    body: { error: { code: 'read_only', message: expect.stringMatching(/read-only/) } },
  });

  // Revoke from the owner's panel: the device's stream ends and its page asks for a token again.
  await board.getByRole('button', { name: 'Done' }).click();
  await board.getByRole('button', { name: 'Revoke Couch tablet' }).click();
  await expect(board.getByTestId('device-row')).toHaveAttribute('data-revoked', 'true');
  await expect(device.getByTestId('token-input')).toBeVisible({ timeout: 15_000 });
  expect(await device.evaluate(async () => (await fetch('/api/snapshot')).status)).toBe(401);

  // Switch off: the LAN listener is gone at once.
  await toggle.click({ force: true });
  await expect(toggle).not.toBeChecked();
  await expect(board.getByTestId('remote-urls')).toHaveCount(0);
  await expect(fetch(`${lanBase}/api/health`)).rejects.toThrow();
  await other.close();
});

test('the switch survives a restart of the server', async ({ board, server }) => {
  const toggle = await openPanel(board);
  await toggle.click({ force: true });
  await expect(toggle).toBeChecked();
  await server.restart();
  expect((await fetch(`http://${LAN}:${server.port}/api/health`)).status).toBe(200);
  const status = await server.api<{ enabled: boolean; urls: string[] }>('GET', '/api/remote');
  expect(status.body).toMatchObject({ enabled: true, urls: [`http://${LAN}:${server.port}`] });
});
