// (a) API writes appear on the open board without reload; (b) two pages stay in sync; (c) refused moves revert.
import type { Page } from '@playwright/test';
import { card, createTask, expect, openBoard, test } from './fixtures.ts';

/**
 * Space picks a card up. dnd-kit measures the columns and starts listening for arrows a moment
 * later; the card's own column showing `data-over` says both have happened.
 */
async function pickUp(page: Page, id: string, column: string) {
  await card(page, id).focus();
  await page.keyboard.press('Space');
  await expect(card(page, id)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId(`column-${column}`)).toHaveAttribute('data-over', 'true');
}

test('a task created through the API appears without reload, and a PATCH moves its card', async ({
  board,
  server,
}) => {
  const task = await createTask(server, { title: 'Appears live', priority: 'high' });
  await expect(card(board, task.id)).toBeVisible();
  await expect(card(board, task.id)).toHaveAttribute('data-status', 'inbox');
  await expect(board.getByTestId('count-inbox')).toHaveText('1');

  const moved = await server.api('PATCH', `/api/tasks/${task.id}`, { status: 'testing' });
  expect(moved.status).toBe(200);
  await expect(board.getByTestId('column-testing').locator(`[data-task-id="${task.id}"]`)).toBeVisible();
  await expect(board.getByTestId('count-inbox')).toHaveText('0');
  await expect(board.getByTestId('count-testing')).toHaveText('1');
});

test('two pages stay in sync when one drags a card', async ({ board, server, context }) => {
  const task = await createTask(server, { title: 'Drag me' });
  const other = await context.newPage();
  await openBoard(other, server);
  await expect(card(other, task.id)).toBeVisible();

  const source = await card(board, task.id).boundingBox();
  const target = await board.getByTestId('column-review').boundingBox();
  if (!source || !target) throw new Error('no layout');
  await board.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await board.mouse.down();
  await board.mouse.move(source.x + 40, source.y + 30, { steps: 5 });
  await board.mouse.move(target.x + target.width / 2, target.y + 120, { steps: 10 });
  await board.mouse.up();

  await expect(board.getByTestId('column-review').locator(`[data-task-id="${task.id}"]`)).toBeVisible();
  await expect(other.getByTestId('column-review').locator(`[data-task-id="${task.id}"]`)).toBeVisible();
  const stored = await server.api<{ status: string }>('GET', `/api/tasks/${task.id}`);
  expect(stored.body.status).toBe('review');
});

test('a card can be moved with the keyboard', async ({ board, server }) => {
  const task = await createTask(server, { title: 'Keyboard move' });
  await pickUp(board, task.id, 'inbox');
  await board.keyboard.press('ArrowRight');
  await expect(board.getByTestId('column-assigned')).toHaveAttribute('data-over', 'true');
  await board.keyboard.press('Space');
  await expect(board.getByTestId('column-assigned').locator(`[data-task-id="${task.id}"]`)).toBeVisible();
  await expect
    .poll(async () => (await server.api<{ status: string }>('GET', `/api/tasks/${task.id}`)).body.status)
    .toBe('assigned');
});

test('a move the server refuses is reverted with a message', async ({ board, server }) => {
  const task = await createTask(server, { title: 'Contested' });
  await expect(card(board, task.id)).toBeVisible();
  // Hold the board's next PATCH until an agent has changed the task, so the If-Match version is stale.
  await board.route('**/api/tasks/*', async (route) => {
    if (route.request().method() !== 'PATCH') return route.continue();
    await server.api('PATCH', `/api/tasks/${task.id}`, { title: 'Contested (renamed by agent)' });
    await route.continue();
  });
  await pickUp(board, task.id, 'inbox');
  await board.keyboard.press('ArrowRight');
  await expect(board.getByTestId('column-assigned')).toHaveAttribute('data-over', 'true');
  await board.keyboard.press('ArrowRight');
  await expect(board.getByTestId('column-in_progress')).toHaveAttribute('data-over', 'true');
  await board.keyboard.press('Space');

  await expect(board.getByTestId('notice')).toContainText('was refused');
  await expect(board.getByTestId('column-inbox').locator(`[data-task-id="${task.id}"]`)).toBeVisible();
  await expect(card(board, task.id)).toContainText('renamed by agent');
  const stored = await server.api<{ status: string }>('GET', `/api/tasks/${task.id}`);
  expect(stored.body.status).toBe('inbox');
});
