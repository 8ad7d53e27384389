// Search and previews in the browser (CONTROL_LOOP §6): Ctrl/Cmd-K finds a task by a word that is
// only in one of its session's log lines and opens it on that session's log, at that line; a
// Markdown deliverable previews with its HTML shown as text (no element made from it, no script
// run). Screenshots go to test-results/search/.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from '../../src/shared/entities.ts';
import { card, createTask, expect, test } from './fixtures.ts';

test('Ctrl/Cmd-K finds a task by a word only in its log and opens it on that session’s log', async ({
  board,
  server,
}) => {
  const task = await createTask(server, { title: 'Tune the ingest pipeline' });
  await createTask(server, { title: 'An unrelated task' });
  const session = await server.api<Session>('POST', `/api/tasks/${task.id}/subagent`, {
    openclaw_session_id: 'oc-search-e2e',
    agent_name: 'Ingest worker',
  });
  expect(session.status).toBe(201);
  const logged = await server.api('POST', `/api/openclaw/sessions/${session.body.id}/logs`, {
    lines: [{ text: 'warming up' }, { text: 'retrying the quasar handshake (attempt 3)' }, { text: 'done' }],
  });
  expect(logged.status).toBe(201);
  // 1,200 lines after it: the hit is older than the 1,000 the viewer loads by default.
  for (const batch of [0, 1]) {
    const lines = Array.from({ length: 600 }, (_, i) => ({ text: `tick ${batch * 600 + i}` }));
    const more = await server.api('POST', `/api/openclaw/sessions/${session.body.id}/logs`, { lines });
    expect(more.status).toBe(201);
  }

  await board.keyboard.press('ControlOrMeta+k');
  const input = board.getByRole('textbox', { name: 'Search everything' });
  await expect(input).toBeFocused();
  await input.fill('quasar');
  const hit = board.getByTestId('search-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit).toHaveAttribute('data-kind', 'log');
  await expect(hit).toContainText('Tune the ingest pipeline');
  await expect(hit.locator('mark')).toHaveText('quasar');
  await board.screenshot({ path: 'test-results/search/palette.png' });
  await input.press('Enter');

  const modal = board.getByTestId('task-modal');
  await expect(modal).toContainText('Tune the ingest pipeline');
  await expect(modal.getByRole('tab', { name: /Sessions/ })).toHaveAttribute('aria-selected', 'true');
  const viewer = modal.getByTestId('log-viewer');
  await expect(viewer).toHaveAttribute('data-session-id', session.body.id);
  const found = viewer.getByTestId('log-line').filter({ hasText: 'quasar handshake' });
  await expect(found).toHaveCount(1);
  // Scrolled to and marked for a moment, with Follow off.
  await expect(found).toBeVisible();
  await expect(found).toHaveClass(/log-row-target/);
  await expect(viewer.getByRole('switch', { name: 'Follow' })).not.toBeChecked();
  await board.screenshot({ path: 'test-results/search/log-hit-opened.png' });
});

test('a Markdown deliverable previews with its HTML as text: no element, no script', async ({
  board,
  server,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-e2e-preview-'));
  try {
    const file = join(dir, 'report.md');
    writeFileSync(
      file,
      '# Findings\n\nAll green <img src=x onerror="window.__pwned=1"> so far.\n\n<script>window.__pwned=2</script>\n',
    );
    const task = await createTask(server, { title: 'Write the report' });
    const added = await server.api('POST', `/api/tasks/${task.id}/deliverables`, {
      deliverable_type: 'file',
      title: 'Report',
      path: file,
    });
    expect(added.status).toBe(201);

    await card(board, task.id).click();
    const modal = board.getByTestId('task-modal');
    await modal.getByRole('tab', { name: /Deliverables/ }).click();
    await modal.getByRole('button', { name: 'Preview' }).click();
    const preview = modal.getByTestId('markdown-preview');
    await expect(preview.getByRole('heading', { name: 'Findings' })).toBeVisible();
    await expect(preview).toContainText('All green <img src=x onerror="window.__pwned=1"> so far.');
    await expect(preview).toContainText('<script>window.__pwned=2</script>');
    await expect(preview.locator('img, script')).toHaveCount(0);
    expect(await board.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    await board.screenshot({ path: 'test-results/search/markdown-preview.png' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
