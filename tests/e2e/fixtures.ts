// Test fixtures: a fresh server per test, and a board page signed in through `#token=`.
import { test as base, expect, type Page } from '@playwright/test';
import type { Task } from '../../src/shared/entities.ts';
import { type ServerHandle, startServer } from './server.ts';

interface Fixtures {
  /** A page with the board open and live (signed in through the `#token=` link). */
  board: Page;
}

export const test = base.extend<Fixtures & { server: ServerHandle }>({
  // One server per test: a clean data dir each time (about a second to start).
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.stop();
  },
  board: async ({ page, server }, use) => {
    await openBoard(page, server);
    await use(page);
  },
});

export async function openBoard(page: Page, server: ServerHandle): Promise<void> {
  await page.goto(server.boardUrl);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
}

/** All six columns side by side inside the window, and the board does not scroll sideways. */
export async function expectBoardFits(page: Page): Promise<void> {
  const board = page.getByTestId('board');
  const columns = board.locator('section[data-testid^="column-"]');
  await expect(columns).toHaveCount(6);
  const width = page.viewportSize()?.width ?? 0;
  for (const box of await columns.evaluateAll((els) =>
    els.map((el) => el.getBoundingClientRect().toJSON()),
  )) {
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(width);
  }
  expect(await board.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
}

export const card = (page: Page, id: string) =>
  page.locator(`[data-testid="task-card"][data-task-id="${id}"]`);

export async function createTask(server: ServerHandle, body: Record<string, unknown>): Promise<Task> {
  const answer = await server.api<Task>('POST', '/api/tasks', body);
  expect(answer.status).toBe(201);
  return answer.body;
}

export { expect };
