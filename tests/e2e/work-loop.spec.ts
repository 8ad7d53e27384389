// The work loop on the board (CONTROL_LOOP §1–2): lease holders on cards, silent sessions, blocked cards
// whose lock goes away live; and screenshots of all three, light and dark.
import type { Page } from '@playwright/test';
import type { Agent, Session, Task } from '../../src/shared/entities.ts';
import { card, createTask, expect, openBoard, test } from './fixtures.ts';
import type { ServerHandle } from './server.ts';

/** The sweeper makes a session stale within ttl + 5 s; the rest is slack for a loaded machine. */
const SILENT_WITHIN = 25_000;

async function createAgent(server: ServerHandle, body: Record<string, unknown>): Promise<Agent> {
  const answer = await server.api<Agent>('POST', '/api/agents', body);
  expect(answer.status).toBe(201);
  return answer.body;
}

async function claim(server: ServerHandle, agentId: string): Promise<Task> {
  const answer = await server.api<{ task: Task }>('POST', '/api/work/claim', { agent_id: agentId });
  expect(answer.status).toBe(200);
  return answer.body.task;
}

async function registerSession(server: ServerHandle, taskId: string, body: Record<string, unknown>) {
  const answer = await server.api<Session>('POST', `/api/tasks/${taskId}/subagent`, body);
  expect(answer.status).toBe(201);
  return answer.body;
}

test('a task claimed through the API shows its holder on the board', async ({ board, server }) => {
  const ada = await createAgent(server, { name: 'Ada', role: 'coder' });
  const task = await createTask(server, { title: 'Parse the CSV export' });
  await expect(card(board, task.id).getByTestId('card-lease')).toHaveCount(0);

  const claimed = await claim(server, ada.id);
  expect(claimed.id).toBe(task.id);
  const held = card(board, task.id);
  await expect(held).toHaveAttribute('data-status', 'in_progress');
  await expect(held.getByTestId('card-lease')).toHaveText('held by Ada');
  await expect(held).toHaveAccessibleName(/held by Ada/);
  // The claim counts as seeing the agent: its dot turns green.
  await expect(board.getByTestId('agent-row').getByRole('img', { name: 'Presence: online' })).toBeVisible();

  // Handing it back clears the holder, live.
  expect((await server.api('POST', `/api/tasks/${task.id}/release`, { agent_id: ada.id })).status).toBe(200);
  await expect(held.getByTestId('card-lease')).toHaveCount(0);
  await expect(held).toHaveAttribute('data-status', 'inbox');
});

test('a session that misses its heartbeat ttl leaves the active count and shows as silent', async ({
  board,
  server,
}) => {
  const task = await createTask(server, { title: 'Long-running crawl' });
  const count = board.getByTestId('active-subagents');
  await registerSession(server, task.id, { openclaw_session_id: 'oc-steady', agent_name: 'Steady' });
  await registerSession(server, task.id, {
    openclaw_session_id: 'oc-quiet',
    agent_name: 'Quiet',
    heartbeat_ttl_s: 10,
  });
  await expect(count).toHaveText('2 active sub-agents');

  await card(board, task.id).click();
  const modal = board.getByRole('dialog');
  await modal.getByRole('tab', { name: /Sessions/ }).click();
  const quiet = modal.getByTestId('session-row').filter({ hasText: 'Quiet' });
  await expect(quiet).toHaveAttribute('data-session-status', 'active');

  await expect(count).toHaveText('1 active · 1 silent', { timeout: SILENT_WITHIN });
  await expect(quiet).toHaveAttribute('data-session-status', 'stale');
  await expect(quiet).toContainText('silent for under a minute');
  await expect(modal.getByTestId('session-row').filter({ hasText: 'Steady' })).toHaveAttribute(
    'data-session-status',
    'active',
  );
  await board.keyboard.press('Escape');
  await expect(card(board, task.id).getByTestId('card-subagents')).toHaveAccessibleName(
    '1 active sub-agents',
  );
  const silent = card(board, task.id).getByTestId('card-silent-subagents');
  await expect(silent).toHaveText('1');
  await expect(silent).toHaveAccessibleName('1 silent sub-agent');
});

test('a blocked task shows its lock until its dependency is done, live', async ({ board, server }) => {
  const schema = await createTask(server, { title: 'Design the schema' });
  const importer = await createTask(server, { title: 'Write the importer', depends_on: [schema.id] });
  expect(importer.blocked).toBe(true);

  const lock = card(board, importer.id).getByTestId('card-blocked');
  await expect(lock).toHaveText('waits for 1');
  await expect(lock.locator('svg')).toBeVisible();
  await expect(card(board, schema.id).getByTestId('card-blocked')).toHaveCount(0);

  const moved = await server.api('PATCH', `/api/tasks/${schema.id}`, { status: 'done' });
  expect(moved.status).toBe(200);
  await expect(card(board, schema.id)).toHaveAttribute('data-status', 'done');
  await expect(lock).toHaveCount(0);
  await expect(card(board, importer.id)).toHaveAccessibleName('Write the importer, normal priority');
});

test('dependencies are picked in the task modal and a cycle is refused with its reason', async ({
  board,
  server,
}) => {
  const first = await createTask(server, { title: 'Collect the requirements' });
  const second = await createTask(server, { title: 'Draft the design', depends_on: [first.id] });

  await card(board, first.id).click();
  const modal = board.getByRole('dialog');
  const picker = modal.getByRole('combobox', { name: 'Depends on' });
  await picker.click();
  await picker.fill('draft');
  await board.getByRole('option', { name: 'Draft the design' }).click();
  await modal.getByRole('button', { name: 'Save' }).click();
  await expect(modal.getByText(/would make a cycle/)).toBeVisible();
  expect((await server.api<Task>('GET', `/api/tasks/${first.id}`)).body.depends_on).toEqual([]);
  await board.keyboard.press('Escape');
  await expect(modal).toBeHidden();

  // The other way round is fine: the second task already waits for the first; add a third.
  const third = await createTask(server, { title: 'Book the review meeting' });
  await card(board, second.id).click();
  await picker.click();
  await picker.fill('book');
  await board.getByRole('option', { name: 'Book the review meeting' }).click();
  await modal.getByRole('button', { name: 'Save' }).click();
  await expect(modal.getByRole('button', { name: 'Save' })).toBeDisabled();
  const saved = (await server.api<Task>('GET', `/api/tasks/${second.id}`)).body;
  expect(saved.depends_on.sort()).toEqual([first.id, third.id].sort());
  await board.keyboard.press('Escape');
  await expect(card(board, second.id).getByTestId('card-blocked')).toHaveText('waits for 2');
});

async function seedWorkLoop(server: ServerHandle) {
  const ada = await createAgent(server, {
    name: 'Ada',
    role: 'coder',
    avatar_emoji: '🦊',
    status: 'working',
  });
  const grace = await createAgent(server, {
    name: 'Grace',
    role: 'tester',
    avatar_emoji: '🐝',
    status: 'standby',
  });
  await createAgent(server, { name: 'Linus', role: 'reviewer', avatar_emoji: '🐧', status: 'working' });
  await server.api('POST', `/api/agents/${grace.id}/heartbeat`, {});
  const schema = await createTask(server, { title: 'Design the import schema', priority: 'high' });
  const importer = await createTask(server, {
    title: 'Write the CSV importer against the new schema',
    priority: 'urgent',
    depends_on: [schema.id],
  });
  await createTask(server, { title: 'Property tests for the date parser', status: 'testing' });
  await createTask(server, { title: 'Upgrade to Node 24', status: 'done' });
  // Ada claims the oldest claimable task of the highest priority: the schema (the importer is blocked).
  const claimed = await claim(server, ada.id);
  await registerSession(server, claimed.id, { openclaw_session_id: 'oc-reader', agent_name: 'Ada · reader' });
  await registerSession(server, claimed.id, {
    openclaw_session_id: 'oc-crawler',
    agent_name: 'Ada · crawler',
    heartbeat_ttl_s: 10,
  });
  return { claimed, importer };
}

async function shoot(page: Page, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme });
  await page.mouse.move(0, 0);
  await page.evaluate('document.activeElement?.blur()');
  await page.screenshot({ path: `test-results/work-loop/board-${scheme}.png` });
}

test('screenshots: a claimed card, a blocked card and a silent session, light and dark', async ({
  page,
  server,
}) => {
  const { claimed, importer } = await seedWorkLoop(server);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openBoard(page, server);
  await expect(card(page, claimed.id).getByTestId('card-lease')).toHaveText('held by Ada');
  await expect(card(page, importer.id).getByTestId('card-blocked')).toHaveText('waits for 1');
  await expect(page.getByTestId('active-subagents')).toHaveText('1 active · 1 silent', {
    timeout: SILENT_WITHIN,
  });
  await shoot(page, 'light');
  await shoot(page, 'dark');
  await card(page, claimed.id).click();
  await page
    .getByRole('dialog')
    .getByRole('tab', { name: /Sessions/ })
    .click();
  await page.waitForTimeout(300); // the modal's open transition
  await page.screenshot({ path: 'test-results/work-loop/sessions-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: 'test-results/work-loop/sessions-light.png' });
});
