// The human in the loop in the browser (CONTROL_LOOP §3): the bell and its attention list, review from the
// board (the agent's waiting inbox hears it at once), the Conversation tab live, reassigning an expired
// lease; and screenshots of the bell, a review card and the Conversation tab, light and dark.
import type { Page } from '@playwright/test';
import type { Agent, Task } from '../../src/shared/entities.ts';
import { card, createTask, expect, expectBoardFits, openBoard, test } from './fixtures.ts';
import type { ServerHandle } from './server.ts';

interface InboxAnswer {
  events: { id: number; type: string; payload: Record<string, unknown> }[];
  last_event_id: number;
}

/** The sweeper hands an expired lease back within ttl + 5 s; the rest is slack for a loaded machine. */
const EXPIRED_WITHIN = 25_000;

async function createAgent(server: ServerHandle, body: Record<string, unknown>): Promise<Agent> {
  const answer = await server.api<Agent>('POST', '/api/agents', body);
  expect(answer.status).toBe(201);
  return answer.body;
}

/** An agent claims the task and moves it to review, as the worker loop does on exit 0. */
async function workToReview(server: ServerHandle, agent: Agent, title: string): Promise<Task> {
  const task = await createTask(server, { title, assigned_agent_id: agent.id, status: 'assigned' });
  const claim = await server.api<{ task: Task }>('POST', '/api/work/claim', { agent_id: agent.id });
  expect(claim.body.task.id).toBe(task.id);
  const moved = await server.api<Task>('PATCH', `/api/tasks/${task.id}`, { status: 'review' });
  expect(moved.status).toBe(200);
  return moved.body;
}

/** Starts the agent's long-poll now (Node fetch) and says when it answered. */
async function waitInInbox(server: ServerHandle, agentId: string) {
  const start = await server.api<InboxAnswer>('GET', `/api/agents/${agentId}/inbox`);
  const after = start.body.last_event_id;
  const answer = server
    .api<InboxAnswer>('GET', `/api/agents/${agentId}/inbox?after=${after}&wait_s=10`)
    .then((a) => ({ ...a, at: Date.now() }));
  return answer;
}

const bell = (page: Page) => page.getByTestId('attention-bell');

test('approving from the bell moves the card to Done and wakes the agent’s waiting inbox', async ({
  board,
  server,
}) => {
  const ada = await createAgent(server, { name: 'Ada', role: 'coder' });
  await expect(bell(board)).toHaveAttribute('data-count', '0');
  const task = await workToReview(server, ada, 'Stream the CSV parser');
  await expect(card(board, task.id)).toHaveAttribute('data-status', 'review');
  await expect(bell(board)).toHaveAttribute('data-count', '1');
  await expect(board.getByTestId('attention-count')).toHaveText('1');

  await bell(board).click();
  const item = board.getByTestId('attention-item');
  await expect(item).toHaveAttribute('data-kind', 'review');
  await expect(item).toContainText('Stream the CSV parser');

  const inbox = waitInInbox(server, ada.id);
  await board.waitForTimeout(200); // the long-poll is parked on the server before the click
  const clicked = Date.now();
  await item.getByRole('button', { name: 'Approve' }).click();
  const answer = await inbox;
  expect(answer.status).toBe(200);
  expect(answer.at - clicked).toBeLessThan(1_000);
  const decided = answer.body.events.find((e) => e.type === 'review_decided');
  expect(decided?.payload).toMatchObject({ task_id: task.id, decision: 'approve' });

  await expect(card(board, task.id)).toHaveAttribute('data-status', 'done');
  await expect(bell(board)).toHaveAttribute('data-count', '0');
  await expect(board.getByTestId('attention-empty')).toContainText('Nothing needs you right now');
});

test('Request changes on a card sends it back to Assigned with the comment in the agent’s inbox', async ({
  board,
  server,
}) => {
  const ada = await createAgent(server, { name: 'Ada', role: 'coder' });
  const task = await workToReview(server, ada, 'Write the importer');
  await expect(card(board, task.id)).toHaveAttribute('data-status', 'review');

  const inbox = waitInInbox(server, ada.id);
  await board.getByRole('button', { name: 'Request changes to “Write the importer”' }).click();
  const dialog = board.getByRole('dialog', { name: /Request changes/ });
  const send = dialog.getByRole('button', { name: 'Request changes' });
  await expect(send).toBeDisabled(); // the assignee needs to know what to change
  await dialog.getByLabel('What should change?').fill('Handle an empty file, please.');
  await send.click();
  await expect(dialog).toBeHidden();

  await expect(card(board, task.id)).toHaveAttribute('data-status', 'assigned');
  const answer = await inbox;
  const comment = answer.body.events.find((e) => e.type === 'comment_added');
  expect(comment?.payload).toMatchObject({
    task_id: task.id,
    author: 'operator',
    body: 'Handle an empty file, please.',
  });
  const stored = await server.api<Task>('GET', `/api/tasks/${task.id}`);
  expect(stored.body).toMatchObject({ status: 'assigned', assigned_agent_id: ada.id });

  // The comment is the first line of the task's conversation.
  await card(board, task.id).click();
  const modal = board.getByRole('dialog');
  await modal.getByRole('tab', { name: /Conversation/ }).click();
  await expect(modal.getByTestId('comment')).toHaveCount(1);
  await expect(modal.getByTestId('comment')).toHaveAttribute('data-author', 'operator');
  await expect(modal.getByTestId('comment')).toContainText('You');
});

test('the Conversation tab shows an agent’s comment live and sends the operator’s with Ctrl+Enter', async ({
  board,
  server,
}) => {
  const ada = await createAgent(server, { name: 'Ada', role: 'coder', avatar_emoji: '🦊' });
  const task = await createTask(server, { title: 'Pick a date library', assigned_agent_id: ada.id });
  await card(board, task.id).click();
  const modal = board.getByRole('dialog');
  await modal.getByRole('tab', { name: /Conversation/ }).click();
  await expect(modal.getByText(/No comments yet/)).toBeVisible();

  const posted = await server.api('POST', `/api/tasks/${task.id}/comments`, {
    body: 'Day.js or date-fns? I lean to date-fns for tree shaking.',
    agent_id: ada.id,
  });
  expect(posted.status).toBe(201);
  const comment = modal.getByTestId('comment');
  await expect(comment).toHaveAttribute('data-author', 'agent');
  await expect(comment).toContainText('Ada');
  await expect(comment.getByTestId('comment-body')).toHaveText(
    'Day.js or date-fns? I lean to date-fns for tree shaking.',
  );
  await expect(modal.getByRole('tab', { name: /Conversation/ })).toContainText('1');

  const box = modal.getByRole('textbox', { name: 'Comment' });
  await box.fill('date-fns it is.');
  await box.press('Control+Enter');
  await expect(modal.getByTestId('comment')).toHaveCount(2);
  await expect(modal.getByTestId('comment').last()).toHaveAttribute('data-author', 'operator');
  await expect(box).toHaveValue('');
  const listed = await server.api<{ body: string }[]>('GET', `/api/tasks/${task.id}/comments`);
  expect(listed.body.map((c) => c.body)).toEqual([
    'Day.js or date-fns? I lean to date-fns for tree shaking.',
    'date-fns it is.',
  ]);
});

test('an expired lease is reassigned from the bell', async ({ board, server }) => {
  test.setTimeout(60_000);
  const ada = await createAgent(server, { name: 'Ada', role: 'coder' });
  await createAgent(server, { name: 'Grace', role: 'tester' });
  const task = await createTask(server, { title: 'Crawl the changelog' });
  const claim = await server.api<{ task: Task }>('POST', '/api/work/claim', {
    agent_id: ada.id,
    lease_s: 10,
  });
  expect(claim.body.task.id).toBe(task.id);

  await expect(bell(board)).toHaveAttribute('data-count', '1', { timeout: EXPIRED_WITHIN });
  await bell(board).click();
  const item = board.getByTestId('attention-item');
  await expect(item).toHaveAttribute('data-kind', 'lease_expired');
  await item.getByRole('button', { name: 'Reassign' }).click();
  await item.getByRole('combobox', { name: 'Assign to' }).click();
  // The picker's own list (the header's agent filter is a native select with options of its own).
  await item.getByRole('option', { name: /Grace/ }).click();
  await item.getByRole('button', { name: 'Assign' }).click();

  await expect(card(board, task.id)).toHaveAttribute('data-status', 'assigned');
  await expect(bell(board)).toHaveAttribute('data-count', '0');
  const stored = await server.api<Task & { assigned_agent_id: string }>('GET', `/api/tasks/${task.id}`);
  const grace = (await server.api<Agent[]>('GET', '/api/agents')).body.find((a) => a.name === 'Grace');
  expect(stored.body.assigned_agent_id).toBe(grace?.id);
});

async function seedForScreenshots(server: ServerHandle) {
  const ada = await createAgent(server, { name: 'Ada', role: 'coder', avatar_emoji: '🦊' });
  const grace = await createAgent(server, { name: 'Grace', role: 'tester', avatar_emoji: '🐝' });
  await createTask(server, { title: 'Collect requirements for the billing export' });
  await createTask(server, {
    title: 'Draft the Q3 changelog',
    status: 'assigned',
    assigned_agent_id: grace.id,
  });
  const review = await workToReview(server, ada, 'Rewrite the CSV parser for streaming input');
  await createTask(server, { title: 'Upgrade to Node 24', status: 'done' });
  await server.api('POST', `/api/tasks/${review.id}/comments`, {
    body: 'Done: the parser streams now, 3.1× faster on the 2 GB sample. The PR is linked under Deliverables.',
    agent_id: ada.id,
  });
  await server.api('POST', `/api/tasks/${review.id}/comments`, {
    body: 'Looks good. Does it handle a file that ends without a newline?',
  });
  await server.api('POST', `/api/tasks/${review.id}/comments`, {
    body: 'Yes, there is a test for it (tests/csv/no-trailing-newline.test.ts).',
    agent_id: ada.id,
  });
  const session = await server.api<{ id: string }>('POST', `/api/tasks/${review.id}/subagent`, {
    openclaw_session_id: 'oc-validator',
    agent_name: 'Ada · validator',
  });
  await server.api('PATCH', `/api/openclaw/sessions/${session.body.id}`, { status: 'failed' });
  return review;
}

test('screenshots: the bell open, a review card, the Conversation tab, light and dark', async ({
  page,
  server,
}) => {
  const review = await seedForScreenshots(server);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openBoard(page, server);
  await expect(card(page, review.id)).toHaveAttribute('data-status', 'review');
  await expect(bell(page)).toHaveAttribute('data-count', '2');
  const actions = page.locator(`[data-testid="card-review-actions"][data-review-for="${review.id}"]`);
  // Both buttons inside the card, even in this machine's wide fallback font.
  const fits = await actions.evaluate((el) =>
    [...el.querySelectorAll('.mc-review-label')].every((label) => {
      const range = el.ownerDocument.createRange();
      range.selectNodeContents(label);
      return range.getBoundingClientRect().width <= label.getBoundingClientRect().width + 0.5;
    }),
  );
  expect(fits).toBe(true);
  await expectBoardFits(page); // 1280 px show all six columns: the review card needs no scrolling
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.mouse.move(0, 0);
    await page.evaluate('document.activeElement?.blur()');
    await page.screenshot({ path: `test-results/attention/review-card-${scheme}.png` });
    await bell(page).click();
    await expect(page.getByTestId('attention-item')).toHaveCount(2);
    await page.waitForTimeout(250); // the popover's transition
    await page.screenshot({ path: `test-results/attention/bell-${scheme}.png` });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('attention-panel')).toBeHidden();
    await card(page, review.id).click();
    const modal = page.getByRole('dialog');
    await modal.getByRole('tab', { name: /Conversation/ }).click();
    await expect(modal.getByTestId('comment')).toHaveCount(3);
    await page.waitForTimeout(300); // the modal's open transition
    await page.screenshot({ path: `test-results/attention/conversation-${scheme}.png` });
    await page.keyboard.press('Escape');
    await expect(modal).toBeHidden();
  }
  // The two composers behind "Request changes": inline in the bell, and the card's dialog.
  await bell(page).click();
  await page.getByTestId('attention-item').first().getByRole('button', { name: 'Request changes' }).click();
  await page.getByLabel('What should change?').fill('Please also handle a BOM at the start of the file.');
  await page.screenshot({ path: 'test-results/attention/bell-request-changes-dark.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('attention-panel')).toBeHidden();
  await page.getByRole('button', { name: /^Request changes to/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Request changes' });
  await dialog.getByLabel('What should change?').fill('A test for the empty file, please.');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/attention/card-request-changes-dark.png' });
});
