// Comments, review decisions, the agent inbox and the attention list over HTTP: every route, its
// answers and its errors, and what a read-only device may do.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, type Json, testApp } from '../testing/harness.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

const created = (path: string, body: object) => t.created(path, body);
const agent = (name = 'Dev') => created('/api/agents', { name });
const task = (body: object = {}) => created('/api/tasks', { title: 'Ship it', ...body });

describe('comments over HTTP', () => {
  it('adds an operator comment and an agent comment (201) and lists them oldest first (200)', async () => {
    const a = await agent();
    const { id } = await task({ assigned_agent_id: a.id });
    const mine = await created(`/api/tasks/${id}/comments`, { body: 'How is it going?' });
    expect(mine).toEqual({
      id: expect.any(String),
      task_id: id,
      agent_id: null,
      author: 'operator',
      body: 'How is it going?',
      created_at: expect.any(String),
    });
    const theirs = await created(`/api/tasks/${id}/comments`, { body: 'Nearly there', agent_id: a.id });
    expect(theirs).toMatchObject({ agent_id: a.id, author: 'agent' });
    expect(await t.call('GET', `/api/tasks/${id}/comments`)).toMatchObject({
      status: 200,
      body: [mine, theirs],
    });
  });

  it('answers 404 for an unknown task, 422 for an unknown agent_id, 400 for bad input', async () => {
    const { id } = await task();
    const path = `/api/tasks/${id}/comments`;
    expect(errorOf(await t.call('GET', '/api/tasks/nope/comments'))).toEqual([404, 'not_found']);
    expect(errorOf(await t.call('POST', '/api/tasks/nope/comments', { body: 'x' }))).toEqual([
      404,
      'not_found',
    ]);
    const ghost = await t.call('POST', path, { body: 'x', agent_id: 'ghost' });
    expect(errorOf(ghost)).toEqual([422, 'unprocessable']);
    expect(ghost.body.error.message).toContain('agent_id');
    for (const body of [{}, { body: '' }, { body: '  ' }, { body: 5 }, { body: 'x', extra: 1 }, [], 'x'])
      expect([body, ...errorOf(await t.call('POST', path, body))]).toEqual([body, 400, 'validation_failed']);
    expect(errorOf(await t.call('POST', path, { body: 'x'.repeat(100_001) }))).toEqual([
      400,
      'validation_failed',
    ]);
    expect((await t.call('GET', path)).body).toEqual([]);
  });
});

describe('review decisions over HTTP', () => {
  it('approves a task in review: 200 with the task, now done', async () => {
    const a = await agent();
    const { id } = await task({ status: 'review', assigned_agent_id: a.id });
    const res = await t.call('POST', `/api/tasks/${id}/review`, { decision: 'approve' });
    expect(res).toMatchObject({ status: 200, body: { id, status: 'done', version: 2 } });
    expect((await t.call('GET', `/api/tasks/${id}/comments`)).body).toEqual([]);
  });

  it('requests changes: 200 with the task back with its assignee, the comment stored as the operator’s', async () => {
    const a = await agent();
    const { id } = await task({ status: 'review', assigned_agent_id: a.id });
    const res = await t.call('POST', `/api/tasks/${id}/review`, {
      decision: 'request_changes',
      comment: 'Please add a test',
    });
    expect(res).toMatchObject({ status: 200, body: { id, status: 'assigned', assigned_agent_id: a.id } });
    expect((await t.call('GET', `/api/tasks/${id}/comments`)).body).toMatchObject([
      { author: 'operator', agent_id: null, body: 'Please add a test' },
    ]);
  });

  it('answers 409 not_in_review, 404 for an unknown task, 400 for a bad decision', async () => {
    const { id } = await task({ status: 'in_progress' });
    const path = `/api/tasks/${id}/review`;
    const refused = await t.call('POST', path, { decision: 'approve' });
    expect(errorOf(refused)).toEqual([409, 'not_in_review']);
    expect(refused.body.error).toMatchObject({ details: { status: 'in_progress' } });
    expect(errorOf(await t.call('POST', '/api/tasks/nope/review', { decision: 'approve' }))).toEqual([
      404,
      'not_found',
    ]);
    for (const body of [
      {},
      { decision: 'maybe' },
      { decision: 'approve', comment: 5 },
      { decision: 'approve', x: 1 },
    ])
      expect([body, ...errorOf(await t.call('POST', path, body))]).toEqual([body, 400, 'validation_failed']);
    expect((await t.call('GET', `/api/tasks/${id}`)).body.status).toBe('in_progress');
  });
});

describe('the agent inbox over HTTP', () => {
  it('answers the cursor without `after`, then the agent’s events after it', async () => {
    const a = await agent();
    const b = await agent('Other');
    const start = await t.call('GET', `/api/agents/${a.id}/inbox`);
    expect(start).toEqual({
      status: 200,
      body: { events: [], last_event_id: t.core.events.bounds().latest },
      headers: expect.anything(),
    });
    const mine = await task({ status: 'review', assigned_agent_id: a.id });
    await task({ assigned_agent_id: b.id });
    await t.call('POST', `/api/tasks/${mine.id}/review`, { decision: 'approve' });
    const res = await t.call('GET', `/api/agents/${a.id}/inbox?after=${start.body.last_event_id}`);
    expect(res.status).toBe(200);
    expect(res.body.events.map((e: Json) => e.type)).toEqual([
      'task_created',
      'task_updated',
      'review_decided',
    ]);
    expect(res.body.events[2]).toEqual({
      id: res.body.last_event_id,
      type: 'review_decided',
      payload: expect.objectContaining({ task_id: mine.id, decision: 'approve', comment: null }),
      created_at: expect.any(String),
    });
  });

  it('answers no events when wait_s passes with nothing for the agent', async () => {
    const a = await agent();
    const { last_event_id } = (await t.call('GET', `/api/agents/${a.id}/inbox`)).body;
    const started = Date.now();
    const res = await t.call('GET', `/api/agents/${a.id}/inbox?after=${last_event_id}&wait_s=1`);
    expect(res).toMatchObject({ status: 200, body: { events: [], last_event_id } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('answers 404 for an unknown agent and 400 for a bad cursor or wait', async () => {
    const a = await agent();
    expect(errorOf(await t.call('GET', '/api/agents/ghost/inbox?after=0'))).toEqual([404, 'not_found']);
    for (const query of ['after=-1', 'after=abc', 'after=1.5', 'wait_s=61', 'wait_s=-1', 'wait_s=x'])
      expect([query, ...errorOf(await t.call('GET', `/api/agents/${a.id}/inbox?${query}`))]).toEqual([
        query,
        400,
        'validation_failed',
      ]);
  });
});

describe('the attention list over HTTP', () => {
  it('lists what needs a person (200) and dismisses an item by key (200), which then leaves the list', async () => {
    expect(await t.call('GET', '/api/attention')).toMatchObject({ status: 200, body: { items: [] } });
    const { id } = await task({ status: 'review' });
    const key = `review:${id}`;
    expect((await t.call('GET', '/api/attention')).body.items).toEqual([
      { key, kind: 'review', task_id: id, since: expect.any(String), message: '"Ship it" waits for review' },
    ]);
    const res = await t.call('DELETE', `/api/attention/${encodeURIComponent(key)}`);
    expect(res).toMatchObject({ status: 200, body: { key } });
    expect((await t.call('GET', '/api/attention')).body.items).toEqual([]);
    expect(errorOf(await t.call('DELETE', `/api/attention/${encodeURIComponent(key)}`))).toEqual([
      404,
      'not_found',
    ]);
  });

  it('answers 404 for an unknown key and 400 for one too long', async () => {
    expect(errorOf(await t.call('DELETE', '/api/attention/review:nope'))).toEqual([404, 'not_found']);
    expect(errorOf(await t.call('DELETE', `/api/attention/${'k'.repeat(301)}`))).toEqual([
      400,
      'validation_failed',
    ]);
  });
});

describe('a read-only device', () => {
  it('reads comments, an inbox and the attention list, and gets 403 for comments, reviews and dismissals', async () => {
    const issued = await created('/api/devices', { name: 'phone', scope: 'read' });
    const device = { authorization: `Bearer ${issued.token}` };
    const a = await agent();
    const { id } = await task({ status: 'review', assigned_agent_id: a.id });
    await created(`/api/tasks/${id}/comments`, { body: 'hello' });

    expect((await t.call('GET', `/api/tasks/${id}/comments`, undefined, device)).body).toHaveLength(1);
    expect((await t.call('GET', `/api/agents/${a.id}/inbox?after=0`, undefined, device)).status).toBe(200);
    expect((await t.call('GET', '/api/attention', undefined, device)).body.items).toHaveLength(1);
    const key = encodeURIComponent(`review:${id}`);
    for (const [method, path, body] of [
      ['POST', `/api/tasks/${id}/comments`, { body: 'x' }],
      ['POST', `/api/tasks/${id}/review`, { decision: 'approve' }],
      ['DELETE', `/api/attention/${key}`, undefined],
    ] as const)
      expect([method, path, ...errorOf(await t.call(method, path, body, device))]).toEqual([
        method,
        path,
        403,
        'read_only',
      ]);
    expect((await t.call('GET', `/api/tasks/${id}`)).body.status).toBe('review');
    expect((await t.call('GET', '/api/attention')).body.items).toHaveLength(1);
  });
});
