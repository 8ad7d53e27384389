// Screenshots for docs/ and the README: the board (1280×800, all six columns) and the task modal, light and dark.
import type { Page } from '@playwright/test';
import type { Agent, Task } from '../../src/shared/entities.ts';
import { card, expect, expectBoardFits, openBoard, test } from './fixtures.ts';
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
  for (const present of [lead, coder, tester])
    await server.api('POST', `/api/agents/${present.id}/heartbeat`, {});
  const task = async (title: string, status: string, priority: string, extra: Record<string, unknown> = {}) =>
    (await server.api<Task>('POST', '/api/tasks', { title, status, priority, ...extra })).body;
  const claim = async (agentId: string, expected: Task) => {
    const claimed = await server.api<{ task: Task }>('POST', '/api/work/claim', { agent_id: agentId });
    expect(claimed.body.task.id).toBe(expected.id);
  };
  // A review waiting for a person (its card has Approve / Request changes; the bell counts it).
  const review = await task('Review the caching layer design', 'assigned', 'normal', {
    assigned_agent_id: lead.id,
  });
  await claim(lead.id, review);
  await server.api('PATCH', `/api/tasks/${review.id}`, { status: 'review' });
  // Ada's claimed task (held by Ada) with two sub-agents at work, and a task that waits for it (blocked).
  const main = await task('Rewrite the CSV parser for streaming input', 'assigned', 'urgent', {
    assigned_agent_id: coder.id,
  });
  await claim(coder.id, main);
  await task('Write the CSV importer against the new parser', 'assigned', 'high', {
    assigned_agent_id: coder.id,
    depends_on: [main.id],
  });
  await task('Collect requirements for the billing export', 'inbox', 'normal');
  await task('Fix flaky login test on CI', 'inbox', 'high');
  await task('Draft the Q3 changelog', 'assigned', 'low', { assigned_agent_id: tester.id });
  await task('Add retry with backoff to the webhook sender', 'in_progress', 'high', {
    assigned_agent_id: lead.id,
  });
  await task('Property tests for the date parser', 'testing', 'normal', { assigned_agent_id: tester.id });
  await task('Upgrade to Node 24', 'done', 'normal', { assigned_agent_id: coder.id });
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
  const sessions: string[] = [];
  for (const name of ['reader', 'validator', 'benchmark'])
    sessions.push(
      (
        await server.api<{ id: string }>('POST', `/api/tasks/${id}/subagent`, {
          openclaw_session_id: `oc-csv-${name}`,
          agent_name: `Ada · ${name}`,
          channel: 'cli',
        })
      ).body.id,
    );
  // The third one failed: the bell's second item.
  await server.api('PATCH', `/api/openclaw/sessions/${sessions[2]}`, { status: 'failed' });
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
  await page.setViewportSize({ width: 1280, height: 800 });
  await openBoard(page, server);
  // What a reader should see: a claimed card, a blocked one, a review with its buttons, the bell's count.
  await expect(card(page, main.id).getByTestId('card-lease')).toHaveText('held by Ada');
  await expect(card(page, main.id).getByTestId('card-subagents')).toHaveText('2');
  await expect(page.getByTestId('card-blocked')).toHaveText('waits for 1');
  await expect(page.getByTestId('card-review-actions')).toBeVisible();
  await expect(page.getByTestId('attention-bell')).toHaveAttribute('data-count', '2');
  await expectBoardFits(page);
  await shoot(page, 'light', main);
  await shoot(page, 'dark', main);
});
