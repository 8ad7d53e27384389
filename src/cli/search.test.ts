// `mission-control search` as a real process against a real server: hits with their matches in
// brackets, --json, --kinds, and exit codes (1 for a query the server cannot parse, 2 for usage).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../core/testing/harness.ts';
import type { SearchAnswer } from '../shared/search.ts';
import { bracketed } from './commands/search.ts';
import { cli } from './test-bin.ts';

let srv: TestServer;
beforeEach(async () => {
  srv = await startTestServer();
  const task = srv.core.tasks.create({ title: 'Tune the zeppelin engine' });
  srv.core.comments.create(task.id, { body: 'the zeppelin flies' });
});
afterEach(() => srv.close());

const run = (args: string[]) => cli(srv.url, args);

it('prints each hit with its match in brackets, answers --json, and filters --kinds', async () => {
  const human = await run(['search', 'zeppelin']);
  expect(human).toMatchObject({ code: 0, stderr: '' });
  expect(human.stdout).toContain('Tune the [zeppelin] engine');
  expect(human.stdout).toContain('the [zeppelin] flies');
  const json = await run(['search', 'zepp*', '--kinds', 'comment', '--json']);
  expect(json.code).toBe(0);
  const answer = JSON.parse(json.stdout) as SearchAnswer;
  expect(answer.hits.map((h) => [h.kind, h.snippet])).toEqual([['comment', 'the zeppelin flies']]);
  expect((await run(['search', 'nothinglikeit'])).stdout).toContain('No matches');
});

it('exits 1 for a query that cannot be parsed and 2 without one', async () => {
  const bad = await run(['search', '"open', '--json']);
  expect(bad.code).toBe(1);
  expect(JSON.parse(bad.stderr)).toMatchObject({ status: 400, error: { code: 'bad_query' } });
  expect((await run(['search'])).code).toBe(2);
  expect((await run(['search', 'x', '--limit', '0'])).code).toBe(2);
});

it('brackets highlights by their offsets', () => {
  expect(
    bracketed({
      snippet: 'a bc d',
      highlights: [
        [0, 1],
        [2, 4],
      ],
    }),
  ).toBe('[a] [bc] d');
});
