// GET /api/search and the activity filters over HTTP: every kind found, ranking, phrases, prefixes,
// operators, malformed queries, highlight offsets, and the index following edits and cascades.
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_FILE } from '../core.ts';
import { INDEXED } from '../search/kinds.ts';
import { type Json, testApp } from '../testing/harness.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

const created = (path: string, body: object) => t.created(path, body);
const task = (title: string, description?: string) => created('/api/tasks', { title, description });
const search = async (q: string, extra = ''): Promise<Json[]> => {
  const res = await t.call('GET', `/api/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.hits;
};
const marked = (hit: Json) => hit.highlights.map(([s, e]: [number, number]) => hit.snippet.slice(s, e));

let sessions = 0;
/** A task with one of everything, each holding its own word. */
async function fullTask() {
  const tk = await task('Quartz migration', 'move the basalt tables');
  const activity = await created(`/api/tasks/${tk.id}/activities`, {
    activity_type: 'updated',
    message: 'granite step done',
  });
  const deliverable = await created(`/api/tasks/${tk.id}/deliverables`, {
    deliverable_type: 'file',
    title: 'Obsidian report',
    path: '/srv/reports/feldspar.md',
    description: 'the marble figures',
  });
  const comment = await created(`/api/tasks/${tk.id}/comments`, { body: 'looks like slate to me' });
  const session = await created(`/api/tasks/${tk.id}/subagent`, { openclaw_session_id: `oc-${++sessions}` });
  const logged = await t.call('POST', `/api/openclaw/sessions/${session.id}/logs`, {
    lines: [{ text: 'warming up' }, { text: 'compiling the pumice module' }],
  });
  expect(logged.status, JSON.stringify(logged.body)).toBe(201);
  return { tk, activity, deliverable, comment, session, firstSeq: logged.body.first_seq as number };
}

describe('search', () => {
  it('finds every kind, each hit naming its task (and session for a log line)', async () => {
    const { tk, activity, deliverable, comment, session, firstSeq } = await fullTask();
    expect(await search('quartz')).toEqual([
      {
        kind: 'task',
        id: tk.id,
        task_id: tk.id,
        title: 'Quartz migration',
        snippet: 'Quartz migration',
        highlights: [[0, 6]],
        at: tk.updated_at,
      },
    ]);
    expect(await search('basalt')).toMatchObject([
      { kind: 'task', id: tk.id, snippet: 'move the basalt tables' },
    ]);
    expect(await search('granite')).toMatchObject([
      {
        kind: 'activity',
        id: activity.id,
        task_id: tk.id,
        title: 'Quartz migration',
        at: activity.created_at,
      },
    ]);
    for (const word of ['obsidian', 'feldspar', 'marble'])
      expect(await search(word)).toMatchObject([
        { kind: 'deliverable', id: deliverable.id, task_id: tk.id, title: 'Obsidian report' },
      ]);
    expect(await search('slate')).toMatchObject([
      {
        kind: 'comment',
        id: comment.id,
        task_id: tk.id,
        title: 'Quartz migration',
        snippet: 'looks like slate to me',
      },
    ]);
    const [log] = await search('pumice');
    expect(log).toMatchObject({
      kind: 'log',
      id: `${session.id}:${firstSeq + 1}`,
      task_id: tk.id,
      session_id: session.id,
      seq: firstSeq + 1,
      title: 'Quartz migration',
      snippet: 'compiling the pumice module',
      highlights: [[14, 20]],
    });
    expect(await search('nothinglikethis')).toEqual([]);
  });

  it('ranks a title match above a description match, and a task above a log line of the same word', async () => {
    const inDescription = await task('Weekly chores', 'also tidy the cobalt shelf');
    const inTitle = await task('Cobalt shelf');
    const { session } = await fullTask();
    await t.call('POST', `/api/openclaw/sessions/${session.id}/logs`, { lines: [{ text: 'cobalt' }] });
    const hits = await search('cobalt');
    expect(hits.map((h) => [h.kind, h.id])).toEqual([
      ['task', inTitle.id],
      ['task', inDescription.id],
      ['log', expect.any(String)],
    ]);
  });

  it('matches phrases in order, prefixes, and AND / OR / NOT in capitals', async () => {
    const a = await task('the red fox jumps');
    const b = await task('fox red herring');
    const c = await task('zeppelin hangar');
    const ids = async (q: string) => (await search(q)).map((h) => h.id).sort();
    expect(await ids('"red fox"')).toEqual([a.id]);
    expect(await ids('red fox')).toEqual([a.id, b.id].sort());
    expect(await ids('zepp')).toEqual([]);
    expect(await ids('zepp*')).toEqual([c.id]);
    expect(await ids('"red f"*')).toEqual([a.id]);
    expect(await ids('fox NOT herring')).toEqual([a.id]);
    expect(await ids('herring OR hangar')).toEqual([b.id, c.id].sort());
    expect(await ids('(herring OR jumps) AND fox')).toEqual([a.id, b.id].sort());
    // Lower-case operators are words; punctuation inside a word makes a phrase, not FTS5 syntax.
    expect(await ids('red and fox')).toEqual([]);
    await task('see file.txt at http://example.com/x-y');
    expect(await search('file.txt')).toHaveLength(1);
    expect(await search('http://example.com')).toHaveLength(1);
    expect(await search('x-y')).toHaveLength(1);
    expect(await search('title:red')).toEqual([]);
    expect(await search('-- ...')).toEqual([]);
  });

  it('answers 400 bad_query for a query FTS5 cannot parse, never a 500', async () => {
    await task('anything');
    for (const q of [
      '"unbalanced',
      'fox AND',
      'NOT fox',
      'fox OR OR red',
      'AND',
      '(fox',
      'fox)',
      '()',
      'a (OR b)',
    ]) {
      const res = await t.call('GET', `/api/search?q=${encodeURIComponent(q)}`);
      expect([q, res.status, res.body.error.code]).toEqual([q, 400, 'bad_query']);
    }
    for (const url of [
      '/api/search',
      '/api/search?q=',
      '/api/search?q=x&kinds=tasks',
      '/api/search?q=x&limit=0',
    ]) {
      const res = await t.call('GET', url);
      expect([url, res.status, res.body.error.code]).toEqual([url, 400, 'validation_failed']);
    }
  });

  it('gives highlight offsets in JavaScript string indices, diacritics folded, long text cut', async () => {
    await task('Café 😀😀 naïve plan', 'x');
    const [hit] = await search('cafe naive');
    expect(hit.snippet).toBe('Café 😀😀 naïve plan');
    expect(marked(hit)).toEqual(['Café', 'naïve']);
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`);
    words[150] = 'needle';
    await task('long one', words.join(' '));
    const [long] = await search('needle');
    expect(long.snippet.length).toBeLessThan(300);
    expect(long.snippet.startsWith('…')).toBe(true);
    expect(marked(long)).toEqual(['needle']);
  });

  it('filters by kinds and stops at limit', async () => {
    await fullTask();
    for (let i = 0; i < 5; i++) await task(`amber ${i}`);
    const { tk } = await fullTask();
    await created(`/api/tasks/${tk.id}/comments`, { body: 'amber too' });
    expect((await search('amber', '&kinds=comment')).map((h) => h.kind)).toEqual(['comment']);
    expect(new Set((await search('amber', '&kinds=task,comment')).map((h) => h.kind))).toEqual(
      new Set(['task', 'comment']),
    );
    expect(await search('amber', '&limit=3')).toHaveLength(3);
  });

  it('follows edits, and deleting a task takes its activities, deliverables, comments and logs out', async () => {
    const { tk } = await fullTask();
    const other = await fullTask();
    const res = await t.call('PATCH', `/api/tasks/${tk.id}`, { title: 'Renamed entirely' });
    expect(res.status).toBe(200);
    expect((await search('quartz')).map((h) => h.id)).toEqual([other.tk.id]);
    expect((await search('renamed')).map((h) => h.id)).toEqual([tk.id]);
    // The new title shows on the hits of the task's other kinds too.
    expect((await search('granite')).map((h) => h.title).sort()).toEqual([
      'Quartz migration',
      'Renamed entirely',
    ]);

    expect((await t.call('DELETE', `/api/tasks/${tk.id}`)).status).toBe(200);
    for (const word of ['renamed', 'basalt', 'granite', 'obsidian', 'slate', 'pumice']) {
      const hits = await search(word);
      expect([word, hits.every((h) => h.task_id === other.tk.id)]).toEqual([word, true]);
    }
    expect(await search('renamed')).toEqual([]);
    // The index itself (search.db) holds exactly the rows left, and FTS5 finds it consistent.
    const index = new BetterSqlite3(join(dirname(t.core.db.name), SEARCH_FILE));
    try {
      for (const { index: table, table: source } of INDEXED) {
        const count = (db: typeof index, name: string) =>
          db.prepare(`SELECT count(*) FROM ${name}`).pluck().get();
        expect([table, count(index, table)]).toEqual([table, count(t.core.db, source)]);
        index.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 1)`).run();
      }
    } finally {
      index.close();
    }
  });
});

describe('activity filters', () => {
  it('filters a task’s activities by type, agent and text, and refuses a malformed text', async () => {
    const agent = await created('/api/agents', { name: 'Dev' });
    const tk = await task('Filtered');
    const log = (body: object) => created(`/api/tasks/${tk.id}/activities`, body);
    const a = await log({ activity_type: 'updated', message: 'wrote the parser', agent_id: agent.id });
    const b = await log({ activity_type: 'completed', message: 'parser done' });
    const c = await log({ activity_type: 'updated', message: 'lunch' });
    const list = async (query: string) => {
      const res = await t.call('GET', `/api/tasks/${tk.id}/activities?${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.map((x: Json) => x.id);
    };
    expect(await list('type=updated')).toEqual([a.id, c.id]);
    expect(await list('type=updated&order=desc')).toEqual([c.id, a.id]);
    expect(await list(`agent_id=${agent.id}`)).toEqual([a.id]);
    expect(await list('q=parser')).toEqual([a.id, b.id]);
    expect(await list('q=parser&type=completed')).toEqual([b.id]);
    expect(await list('q=pars*&limit=1&order=desc')).toEqual([b.id]);
    expect(await list('q=...')).toEqual([]);
    const bad = await t.call('GET', `/api/tasks/${tk.id}/activities?q=${encodeURIComponent('"open')}`);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'bad_query']);
    expect((await t.call('GET', `/api/tasks/${tk.id}/activities?type=nope`)).status).toBe(400);
  });
});
