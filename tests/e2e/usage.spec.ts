// Usage and cost in the browser (CONTROL_LOOP §5): a report moves the card's cost chip live, crossing
// the budget puts the task in the bell, the Usage view draws its per-day chart; and its screenshot.
import type { Page } from '@playwright/test';
import type { Agent } from '../../src/shared/entities.ts';
import { card, createTask, expect, openBoard, test } from './fixtures.ts';
import type { ServerHandle } from './server.ts';

const bell = (page: Page) => page.getByTestId('attention-bell');

async function report(server: ServerHandle, taskId: string, body: Record<string, unknown>) {
  const answer = await server.api('POST', `/api/tasks/${taskId}/usage`, {
    model: 'claude-sonnet-4',
    input_tokens: 12_000,
    output_tokens: 1_500,
    ...body,
  });
  expect(answer.status).toBe(201);
}

test('a usage report moves the card’s cost chip live, and crossing the budget rings the bell', async ({
  board,
  server,
}) => {
  const task = await createTask(server, { title: 'Summarise the logs', budget_usd: 1 });
  const chip = card(board, task.id).getByTestId('card-cost');
  await expect(card(board, task.id)).toBeVisible();
  await expect(chip).toHaveCount(0);
  await expect(bell(board)).toHaveAttribute('data-count', '0');

  await report(server, task.id, { cost_usd: 0.4 });
  await expect(chip).toHaveText('$0.40');
  await report(server, task.id, { cost_usd: 0.35 });
  await expect(chip).toHaveText('$0.75');
  await expect(chip).not.toHaveAttribute('data-over-budget', 'true');

  await report(server, task.id, { cost_usd: 0.25 });
  await expect(chip).toHaveText('$1.00');
  await expect(chip).toHaveAttribute('data-over-budget', 'true');
  await expect(bell(board)).toHaveAttribute('data-count', '1');
  await bell(board).click();
  const item = board.getByTestId('attention-item');
  await expect(item).toHaveAttribute('data-kind', 'over_budget');
  await expect(item).toContainText('Summarise the logs');
  await board.keyboard.press('Escape');

  // Raising the budget takes the item away.
  const raised = await server.api('PATCH', `/api/tasks/${task.id}`, { budget_usd: 5 });
  expect(raised.status).toBe(200);
  await expect(bell(board)).toHaveAttribute('data-count', '0');
  await expect(chip).not.toHaveAttribute('data-over-budget', 'true');
});

async function seedUsage(server: ServerHandle): Promise<void> {
  const agents: Agent[] = [];
  for (const name of ['Ada', 'Grace', 'Linus']) {
    const answer = await server.api<Agent>('POST', '/api/agents', { name, role: 'coder' });
    agents.push(answer.body);
  }
  await server.api('PUT', '/api/settings/prices', {
    'claude-sonnet-4': { input_per_mtok: 3, output_per_mtok: 15, cache_read_per_mtok: 0.3 },
    'gpt-4.1-mini': { input_per_mtok: 0.4, output_per_mtok: 1.6, cache_read_per_mtok: 0.1 },
  });
  const titles = ['Stream the CSV parser', 'Write the importer', 'Fix the flaky test', 'Review the schema'];
  for (const [i, title] of titles.entries()) {
    const task = await createTask(server, { title, assigned_agent_id: agents[i % 3]?.id, budget_usd: 2 });
    for (let n = 0; n <= i; n++)
      await report(server, task.id, {
        model: n % 2 ? 'gpt-4.1-mini' : 'claude-sonnet-4',
        input_tokens: 40_000 + 25_000 * n,
        output_tokens: 6_000 + 2_000 * i,
        cache_read_tokens: 20_000,
        agent_id: agents[i % 3]?.id,
      });
  }
  const unknown = await createTask(server, { title: 'Try a local model' });
  await report(server, unknown.id, { model: 'llama-local', agent_id: agents[2]?.id });
}

test('the Usage view draws its per-day chart and the per-agent table; screenshot', async ({
  page,
  server,
}) => {
  await seedUsage(server);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openBoard(page, server);
  await expect(page.getByTestId('card-cost')).toHaveCount(5);
  await expect(page.getByTestId('card-cost').filter({ hasText: '—' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Usage and cost' }).click();
  const view = page.getByTestId('usage-view');
  await expect(view).toBeVisible();
  const chart = view.getByTestId('usage-chart');
  await expect(chart.locator('.recharts-bar-rectangle path, .recharts-rectangle').first()).toBeVisible();
  const agents = view.getByTestId('usage-agents');
  await expect(agents.getByRole('row')).toHaveCount(4); // header + Ada, Grace, Linus
  await expect(agents).toContainText('Ada');
  await expect(view.getByTestId('usage-models')).toContainText('llama-local');
  await expect(view.getByTestId('prices-editor').getByRole('textbox', { name: 'Model' })).toHaveCount(2);

  await view.locator('label', { hasText: /^Tokens$/ }).click();
  await expect(chart.locator('.recharts-bar-rectangle path, .recharts-rectangle').first()).toBeVisible();
  await view.locator('label', { hasText: /^Cost$/ }).click();
  await view.locator('label', { hasText: /^7 days$/ }).click();
  await expect(chart.locator('.recharts-bar-rectangle path, .recharts-rectangle').first()).toBeVisible();
  await page.waitForTimeout(400); // the drawer's transition and the bars' animation
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'docs/screenshots/usage.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(200);
  await page.screenshot({ path: 'test-results/usage/usage-dark.png' });
});

test('the task modal’s Usage tab shows the usage per session and model, and raises the budget', async ({
  board,
  server,
}) => {
  const task = await createTask(server, { title: 'Index the archive', budget_usd: 0.2 });
  const session = await server.api<{ id: string }>('POST', `/api/tasks/${task.id}/subagent`, {
    openclaw_session_id: 'oc-indexer',
    agent_name: 'Indexer',
  });
  expect(session.status).toBe(201);
  await report(server, task.id, { session_id: 'oc-indexer', cost_usd: 0.15 });
  await report(server, task.id, { model: 'gpt-4.1-mini', cost_usd: 0.05 });
  await expect(card(board, task.id).getByTestId('card-cost')).toHaveAttribute('data-over-budget', 'true');

  await card(board, task.id).click();
  const modal = board.getByRole('dialog');
  await modal.getByRole('tab', { name: /Usage/ }).click();
  const tab = modal.getByTestId('task-usage');
  await expect(tab).toContainText('Over budget');
  await expect(tab.getByRole('row')).toHaveCount(3); // header, Indexer × sonnet, no session × mini
  await expect(tab.getByRole('row', { name: /Indexer/ })).toContainText('$0.15');
  await board.waitForTimeout(300); // the modal's open transition
  await board.screenshot({ path: 'test-results/usage/usage-tab.png' });
  await tab.getByLabel('Budget (USD)').fill('1');
  await tab.getByRole('button', { name: 'Save budget' }).click();
  await expect(tab).not.toContainText('Over budget');
  await expect(card(board, task.id).getByTestId('card-cost')).not.toHaveAttribute('data-over-budget', 'true');
  expect((await server.api<{ budget_usd: number }>('GET', `/api/tasks/${task.id}`)).body.budget_usd).toBe(1);
});
