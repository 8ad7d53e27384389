// Session logs on the board (CONTROL_LOOP §6): `mission-control run` feeds its command's output to the
// session log, and the log viewer in the task's Sessions tab shows it line by line while it runs.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Agent } from '../../src/shared/entities.ts';
import { card, createTask, expect, test } from './fixtures.ts';

const NODE = join(process.cwd(), 'node_modules/.bin/node');
const BIN = join(process.cwd(), 'bin/mission-control.mjs');

/** Prints a line every 250 ms, one of them in green, for about six seconds. */
const TICKER = `
let i = 0;
const t = setInterval(() => {
  i += 1;
  console.log(i === 12 ? '\\u001b[32mgreen tick ' + i + '\\u001b[0m' : 'tick ' + i);
  if (i === 24) { clearInterval(t); console.error('done'); }
}, 250);`;

let worker: ChildProcess | undefined;
test.afterEach(() => {
  worker?.kill('SIGKILL');
  worker = undefined;
});

test('the output of a command under `run` appears in the open log viewer, live', async ({
  board,
  server,
}) => {
  const agent = (await server.api<Agent>('POST', '/api/agents', { name: 'Runner' })).body;
  const task = await createTask(server, { title: 'Tick for a while' });
  let output = '';
  worker = spawn(
    NODE,
    [BIN, 'run', '--agent', agent.id, '--once', '--wait', '10', '--', NODE, '-e', TICKER],
    {
      env: { PATH: process.env.PATH, MISSION_CONTROL_URL: server.url, MISSION_CONTROL_TOKEN: server.token },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  worker.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => worker?.once('exit', (code) => resolve(code)));

  await expect(card(board, task.id)).toHaveAttribute('data-status', 'in_progress');
  await card(board, task.id).click();
  const modal = board.getByRole('dialog');
  await modal.getByRole('tab', { name: /Sessions/ }).click();
  const row = modal.getByTestId('session-row');
  await row.click();
  const viewer = modal.getByTestId('log-viewer');
  await expect(viewer).toBeVisible();

  // Lines arrive while the command still runs (its session is still active).
  const lines = viewer.getByTestId('log-line');
  await expect(lines.filter({ hasText: /^\d+tick 3$/ })).toHaveCount(1);
  await expect(row).toHaveAttribute('data-session-status', 'active');
  await expect(lines.filter({ hasText: 'green tick 12' }).locator('.log-fg-green')).toHaveText(
    'green tick 12',
  );

  // Then everything, once each and in order, as the session ends.
  await expect(lines.filter({ hasText: /^\d+done$/ })).toHaveCount(1, { timeout: 15_000 });
  expect(await exited).toBe(0);
  await expect(row).toHaveAttribute('data-session-status', 'completed');
  await expect(viewer.getByText('ended')).toBeVisible();
  const texts = await viewer.locator('[data-testid="log-line"] .log-text').allTextContents();
  const ticks = texts.filter((t) => /tick \d+$/.test(t)).map((t) => Number(/(\d+)$/.exec(t)?.[1]));
  expect(ticks).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  // The command's output still reached the terminal.
  expect(output).toContain('tick 24');

  // Find: marks the match and says where it is.
  await viewer.getByLabel('Find in log').fill('tick 2');
  await expect(viewer.getByTestId('log-find-count')).toHaveText('1 / 6');
  await expect(viewer.locator('mark.log-match-current')).toHaveCount(1);
});
