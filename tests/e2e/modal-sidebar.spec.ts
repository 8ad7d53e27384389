// (d) the task modal's tabs update live while open; (e) the sidebar's active sub-agent count follows sessions.
import { card, createTask, expect, test } from './fixtures.ts';

interface Session {
  id: string;
}

test('modal tabs update live while open', async ({ board, server }) => {
  const task = await createTask(server, { title: 'Watched task' });
  await card(board, task.id).click();
  const modal = board.getByRole('dialog');
  await expect(modal.getByRole('tab', { name: 'Overview' })).toBeVisible();

  await modal.getByRole('tab', { name: /Activity/ }).click();
  await server.api('POST', `/api/tasks/${task.id}/activities`, {
    activity_type: 'updated',
    message: 'Agent wrote the parser',
    metadata: { lines: 120 },
  });
  await expect(
    modal.getByTestId('activity-item').filter({ hasText: 'Agent wrote the parser' }),
  ).toBeVisible();

  await modal.getByRole('tab', { name: /Deliverables/ }).click();
  await server.api('POST', `/api/tasks/${task.id}/deliverables`, {
    deliverable_type: 'url',
    title: 'Pull request',
    path: 'https://example.com/pr/1',
  });
  const link = modal.getByRole('link', { name: 'Pull request' });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);

  await modal.getByRole('tab', { name: /Sessions/ }).click();
  const session = await server.api<Session>('POST', `/api/tasks/${task.id}/subagent`, {
    openclaw_session_id: 'sess-live-1',
    agent_name: 'Parser helper',
    channel: 'cli',
  });
  expect(session.status).toBe(201);
  const row = modal.getByTestId('session-row').filter({ hasText: 'Parser helper' });
  await expect(row).toHaveAttribute('data-session-status', 'active');
  await server.api('PATCH', `/api/openclaw/sessions/${session.body.id}`, { status: 'completed' });
  await expect(row).toHaveAttribute('data-session-status', 'completed');

  // The Overview follows an agent's edit too (no local edits pending).
  await modal.getByRole('tab', { name: 'Overview' }).click();
  await server.api('PATCH', `/api/tasks/${task.id}`, { title: 'Watched task, renamed' });
  await expect(modal.getByLabel('Title')).toHaveValue('Watched task, renamed');
});

test('the sidebar counts active sub-agents 0 → 2 → 1, pushed', async ({ board, server }) => {
  const count = board.getByTestId('active-subagents');
  await expect(count).toHaveText('0 active sub-agents');
  const task = await createTask(server, { title: 'Parallel work' });
  const sessions: Session[] = [];
  for (const n of [1, 2]) {
    const answer = await server.api<Session>('POST', `/api/tasks/${task.id}/subagent`, {
      openclaw_session_id: `sess-count-${n}`,
      agent_name: `Helper ${n}`,
    });
    sessions.push(answer.body);
  }
  await expect(count).toHaveText('2 active sub-agents');
  await expect(card(board, task.id).getByTestId('card-subagents')).toHaveText('2');
  await server.api('PATCH', `/api/openclaw/sessions/${sessions[0]?.id}`, { status: 'failed' });
  await expect(count).toHaveText('1 active sub-agent');
  await expect(card(board, task.id).getByTestId('card-subagents')).toHaveText('1');
});

test('the six tabs stay on one line at 1280 × 800 with counts on every one', async ({ board, server }) => {
  await board.setViewportSize({ width: 1280, height: 800 });
  const task = await createTask(server, { title: 'A busy task' });
  const post = (path: string, body: Record<string, unknown>) => server.api('POST', path, body);
  for (let i = 0; i < 120; i++)
    await post(`/api/tasks/${task.id}/activities`, { activity_type: 'updated', message: `step ${i}` });
  for (let i = 0; i < 12; i++) await post(`/api/tasks/${task.id}/comments`, { body: `question ${i}` });
  for (let i = 0; i < 3; i++)
    await post(`/api/tasks/${task.id}/deliverables`, { deliverable_type: 'file', title: `file ${i}` });
  for (let i = 0; i < 2; i++)
    await post(`/api/tasks/${task.id}/subagent`, {
      openclaw_session_id: `busy-${i}`,
      agent_name: `helper ${i}`,
    });
  await card(board, task.id).click();
  const tabs = board.getByRole('dialog').getByRole('tab');
  await expect(tabs).toHaveCount(6);
  await expect(tabs.filter({ hasText: 'Activity' })).toContainText('99+');
  const tops = await tabs.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
  expect(new Set(tops).size, `tab tops ${tops.join(', ')}`).toBe(1);
});
