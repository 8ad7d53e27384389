// Issue 18, item 8: the snapshot carries the newest done tasks; the Done column loads older ones as it
// is scrolled, its count is the server's total, and live moves keep both right.
import type { Page } from '@playwright/test';
import { card, createTask, expect, openBoard, test } from './fixtures.ts';
import type { ServerHandle } from './server.ts';

const TOTAL = 500;
const WINDOW = 150; // DONE_WINDOW in src/core/domain/done-pages.ts

async function seedDone(server: ServerHandle): Promise<{ oldest: string; newest: string }> {
  const oldest = await createTask(server, { title: 'Done 0 (oldest)', status: 'done' });
  await new Promise((r) => setTimeout(r, 10));
  let next = 1;
  const worker = async () => {
    while (next < TOTAL - 1) {
      const i = next++;
      await createTask(server, { title: `Done ${i}`, status: 'done' });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await new Promise((r) => setTimeout(r, 10));
  const newest = await createTask(server, { title: `Done ${TOTAL - 1} (newest)`, status: 'done' });
  return { oldest: oldest.id, newest: newest.id };
}

/** Scrolls the Done column to its end until it holds every done task. */
async function scrollDoneToEnd(page: Page): Promise<void> {
  const column = page.getByTestId('column-done');
  const scroller = page.getByTestId('scroll-done');
  for (let i = 0; i < 50; i += 1) {
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    if ((await column.getByTestId('column-more').count()) === 0) return;
    await page.waitForTimeout(100);
  }
  throw new Error('the Done column never finished loading');
}

test('the Done column shows the newest done tasks, loads older ones as it scrolls, and counts them all', async ({
  page,
  server,
}) => {
  const { oldest, newest } = await seedDone(server);
  const open = await createTask(server, { title: 'Still open' });
  await openBoard(page, server);
  const column = page.getByTestId('column-done');

  await expect(page.getByTestId('count-done')).toHaveText(String(TOTAL));
  await expect(column).toHaveAttribute('data-loaded', String(WINDOW));
  await expect(column.locator('[data-testid="task-card"]').first()).toHaveAttribute('data-task-id', newest);
  await expect(card(page, open.id)).toBeVisible();

  await scrollDoneToEnd(page);
  await expect(column).toHaveAttribute('data-loaded', String(TOTAL));
  // The last page made the list longer below where the scroll stopped: to its end once more.
  await page.getByTestId('scroll-done').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(card(page, oldest)).toBeVisible();
  await expect(column.locator('[data-testid="task-card"]').last()).toHaveAttribute('data-task-id', oldest);
  await expect(page.getByTestId('count-done')).toHaveText(String(TOTAL));

  // Live: a task moved into Done goes on top and counts; the oldest leaving Done no longer counts.
  expect((await server.api('PATCH', `/api/tasks/${open.id}`, { status: 'done' })).status).toBe(200);
  await expect(page.getByTestId('count-done')).toHaveText(String(TOTAL + 1));
  expect((await server.api('PATCH', `/api/tasks/${oldest}`, { status: 'review' })).status).toBe(200);
  await expect(page.getByTestId('count-done')).toHaveText(String(TOTAL));
  await expect(page.getByTestId('column-review').locator(`[data-task-id="${oldest}"]`)).toBeVisible();
  await page.getByTestId('scroll-done').evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(column.locator('[data-testid="task-card"]').first()).toHaveAttribute('data-task-id', open.id);
  await expect(column).toHaveAttribute('data-loaded', String(TOTAL));
});

test('a done task never loaded comes back to its column when the API moves it out of Done', async ({
  page,
  server,
}) => {
  const { oldest } = await seedDone(server);
  await openBoard(page, server);
  await expect(page.getByTestId('column-done')).toHaveAttribute('data-loaded', String(WINDOW));
  await expect(card(page, oldest)).toHaveCount(0);
  expect((await server.api('PATCH', `/api/tasks/${oldest}`, { status: 'inbox' })).status).toBe(200);
  await expect(page.getByTestId('column-inbox').locator(`[data-task-id="${oldest}"]`)).toBeVisible();
  await expect(page.getByTestId('count-done')).toHaveText(String(TOTAL - 1));
});
