// Screenshots for docs/ and the README: the board and the task modal, light and dark.
import type { Page } from '@playwright/test';
import type { Agent, Task } from '../../src/shared/entities.ts';
import { card, expect, openBoard, test } from './fixtures.ts';
import type { ServerHandle } from './server.ts';

/** Where the pictures go: test-results/ on every run; docs/ (the README's) with UPDATE_SCREENSHOTS=1. */
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';

async function seed(server: ServerHandle): Promise<Task> {
  const agent = async (body: Record<string, unknown>) =>
    (await server.api<Agent>('POST', '/api/agents', body)).body;
  const lead = await agent({
    name: 'Orion',
    role: 'lead',
    avatar_emoji: '🦉',
    status: 'working',
    is_master: true,
  });
  const coder = await agent({ name: 'Ada', role: 'coder', avatar_emoji: '🦊', status: 'working' });
  const tester = await agent({ name: 'Grace', role: 'tester', avatar_emoji: '🐝', status: 'standby' });
  await agent({ name: 'Linus', role: 'reviewer', avatar_emoji: '🐧', status: 'offline' });
  const task = async (title: string, status: string, priority: string, assigned_agent_id?: string) =>
    (await server.api<Task>('POST', '/api/tasks', { title, status, priority, assigned_agent_id })).body;
  await task('Collect requirements for the billing export', 'inbox', 'normal');
  await task('Fix flaky login test on CI', 'inbox', 'high');
  await task('Draft the Q3 changelog', 'assigned', 'low', tester.id);
  const main = await task('Rewrite the CSV parser for streaming input', 'in_progress', 'urgent', coder.id);
  await task('Add retry with backoff to the webhook sender', 'in_progress', 'high', lead.id);
  await task('Property tests for the date parser', 'testing', 'normal', tester.id);
  await task('Review the caching layer design', 'review', 'normal', lead.id);
  await task('Upgrade to Node 24', 'done', 'normal', coder.id);
  const id = main.id;
  await server.api('POST', `/api/tasks/${id}/activities`, {
    activity_type: 'spawned',
    message: 'Split the work into reader and validator sub-agents',
    agent_id: coder.id,
  });
  await server.api('POST', `/api/tasks/${id}/activities`, {
    activity_type: 'file_created',
    message: 'Wrote src/csv/stream-reader.ts',
    agent_id: coder.id,
    metadata: { lines: 212, tests: 14 },
  });
  await server.api('POST', `/api/tasks/${id}/deliverables`, {
    deliverable_type: 'url',
    title: 'Pull request #481',
    path: 'https://example.com/acme/app/pull/481',
  });
  await server.api('POST', `/api/tasks/${id}/deliverables`, {
    deliverable_type: 'file',
    title: 'Benchmark report',
    path: '/home/ada/work/bench/csv-stream.md',
    description: '3.1× faster on the 2 GB sample',
  });
  for (const [n, name] of [
    [1, 'reader'],
    [2, 'validator'],
  ] as const)
    await server.api('POST', `/api/tasks/${id}/subagent`, {
      openclaw_session_id: `oc-csv-${n}`,
      agent_name: `Ada · ${name}`,
      channel: 'cli',
    });
  return main;
}

async function shoot(page: Page, scheme: 'light' | 'dark', main: Task) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.mouse.move(0, 0);
  await page.evaluate('document.activeElement?.blur()');
  await page.screenshot({ path: `${SHOTS}/board-${scheme}.png` });
  await card(page, main.id).click();
  const modal = page.getByRole('dialog');
  await modal.getByRole('tab', { name: /Activity/ }).click();
  await expect(modal.getByTestId('activity-item').first()).toBeVisible();
  await page.waitForTimeout(300); // the modal's open transition
  await page.screenshot({ path: `${SHOTS}/modal-${scheme}.png` });
  await page.keyboard.press('Escape');
  await expect(modal).toBeHidden();
}

test('screenshots of the board and the task modal, light and dark', async ({ page, server }) => {
  const main = await seed(server);
  await page.setViewportSize({ width: 1860, height: 860 });
  await openBoard(page, server);
  await expect(card(page, main.id)).toBeVisible();
  await shoot(page, 'light', main);
  await shoot(page, 'dark', main);
});
