// (f) after a server restart the page reconnects and shows what happened meanwhile; (g) no token → prompt.
import { card, createTask, expect, test } from './fixtures.ts';

test('reconnects after a server restart and shows what happened while away', async ({ board, server }) => {
  const before = await createTask(server, { title: 'Before the restart' });
  await expect(card(board, before.id)).toBeVisible();

  await server.restart();
  // Changes made while the page was cut off (the restart) must appear once it resumes.
  const during = await createTask(server, { title: 'Made while away' });
  await server.api('PATCH', `/api/tasks/${before.id}`, { status: 'done' });

  await expect(board.getByTestId('connection')).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  await expect(card(board, during.id)).toBeVisible();
  await expect(board.getByTestId('column-done').locator(`[data-task-id="${before.id}"]`)).toBeVisible();

  // And it is live again afterwards.
  const after = await createTask(server, { title: 'After the restart' });
  await expect(card(board, after.id)).toBeVisible();
});

test('the indicator shows reconnecting while the server is down', async ({ board, server }) => {
  await expect(board.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  const restart = server.restart();
  await expect(board.getByTestId('connection')).toHaveAttribute('data-state', /reconnecting|offline/);
  await restart;
  await expect(board.getByTestId('connection')).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
});

test('without the token the UI asks for it, and the API refuses', async ({ page, server }) => {
  await page.goto(server.url);
  const input = page.getByTestId('token-input');
  await expect(input).toBeVisible();
  const refused = await page.evaluate(async () => (await fetch('/api/snapshot')).status);
  expect(refused).toBe(401);

  await input.fill('not-the-token');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('alert')).toContainText('not valid');

  await input.fill(server.token);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  const allowed = await page.evaluate(async () => (await fetch('/api/snapshot')).status);
  expect(allowed).toBe(200);
});

test('the #token= link signs in and is removed from the URL', async ({ page, server }) => {
  await page.goto(server.boardUrl);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  expect(page.url()).not.toContain('token');
  expect(await page.evaluate('document.cookie')).toBe(''); // HttpOnly: not readable by scripts
  await expect(page.getByTestId('empty-board')).toContainText(`curl -X POST ${server.url}/api/tasks`);
});
