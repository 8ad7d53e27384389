import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp } from '../testing/harness.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

const newTask = async (body: object = { title: 'Build feature X' }) =>
  (await t.call('POST', '/api/tasks', body)).body;

describe('tasks over HTTP', () => {
  it('creates a task (201 with the task itself) and lists it', async () => {
    const created = await t.call('POST', '/api/tasks', { title: 'Build feature X', status: 'inbox' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), title: 'Build feature X', status: 'inbox' });
    const list = await t.call('GET', '/api/tasks');
    expect(list.body).toEqual([created.body]);
    expect((await t.call('GET', `/api/tasks/${created.body.id}`)).headers.etag).toBe('"1"');
  });

  it('accepts the seed clients’ JSON sent as text/plain', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: { authorization: 'Bearer test-token-0123456789', 'content-type': 'text/plain;charset=UTF-8' },
      payload: JSON.stringify({ title: 'from fetch' }),
    });
    expect(res.statusCode).toBe(201);
  });

  it.each([
    [{}, 'title'],
    [{ title: '' }, 'title'],
    [{ title: 'x', status: 'nope' }, 'status'],
    [{ title: 'x', priority: 5 }, 'priority'],
    [{ title: 'x', due_date: 'tomorrow' }, 'due_date'],
    [{ title: 'x', extra: 1 }, ''],
    [[], ''],
  ])('answers 400 with the field for invalid body %j', async (body, field) => {
    const res = await t.call('POST', '/api/tasks', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    if (field)
      expect(res.body.error.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: field })]),
      );
  });

  it('answers 400 on malformed JSON and 415 on a form body', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: { authorization: 'Bearer test-token-0123456789', 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad_request');
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: {
        authorization: 'Bearer test-token-0123456789',
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'title=x',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().error.code).toBe('unsupported_media_type');
  });

  it('answers 422 when a reference names an agent that does not exist', async () => {
    const res = await t.call('POST', '/api/tasks', { title: 'x', assigned_agent_id: 'ghost' });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual({ field: 'assigned_agent_id', id: 'ghost' });
  });

  it('patches partially, with If-Match giving 409 on a stale version', async () => {
    const task = await newTask();
    const ok = await t.call('PATCH', `/api/tasks/${task.id}`, { status: 'assigned' }, { 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'assigned', title: task.title, version: 2 });
    expect(ok.headers.etag).toBe('"2"');
    const stale = await t.call('PATCH', `/api/tasks/${task.id}`, { status: 'done' }, { 'if-match': '1' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', details: { current_version: 2 } });
    const garbage = await t.call('PATCH', `/api/tasks/${task.id}`, { status: 'done' }, { 'if-match': 'abc' });
    expect(garbage.status).toBe(400);
  });

  it('answers 404 for unknown tasks on every task route', async () => {
    for (const [method, url, body] of [
      ['GET', '/api/tasks/nope'],
      ['PATCH', '/api/tasks/nope', { title: 'x' }],
      ['DELETE', '/api/tasks/nope'],
      ['GET', '/api/tasks/nope/activities'],
      ['POST', '/api/tasks/nope/activities', { activity_type: 'updated', message: 'm' }],
      ['GET', '/api/tasks/nope/deliverables'],
      ['POST', '/api/tasks/nope/deliverables', { deliverable_type: 'artifact', title: 't' }],
      ['GET', '/api/tasks/nope/subagent'],
      ['POST', '/api/tasks/nope/subagent', { openclaw_session_id: 's' }],
    ] as const) {
      const res = await t.call(method, url, body);
      expect([method, url, res.status]).toEqual([method, url, 404]);
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it('deletes a task that has activities, deliverables and sessions', async () => {
    const task = await newTask();
    await t.call('POST', `/api/tasks/${task.id}/activities`, { activity_type: 'updated', message: 'm' });
    await t.call('POST', `/api/tasks/${task.id}/deliverables`, {
      deliverable_type: 'url',
      title: 'u',
      path: 'https://x.dev',
    });
    await t.call('POST', `/api/tasks/${task.id}/subagent`, { openclaw_session_id: 's1' });
    const res = await t.call('DELETE', `/api/tasks/${task.id}`);
    expect(res).toMatchObject({ status: 200, body: { id: task.id } });
    expect((await t.call('GET', '/api/openclaw/sessions')).body).toEqual([]);
  });

  it('logs activities and lists them oldest first, or newest first with order=desc', async () => {
    const task = await newTask();
    const first = await t.call('POST', `/api/tasks/${task.id}/activities`, {
      activity_type: 'updated',
      message: 'one',
      metadata: { step: 1 },
    });
    expect(first.status).toBe(201);
    expect(first.body.metadata).toEqual({ step: 1 });
    await t.call('POST', `/api/tasks/${task.id}/activities`, { activity_type: 'completed', message: 'two' });
    const asc = await t.call('GET', `/api/tasks/${task.id}/activities`);
    const desc = await t.call('GET', `/api/tasks/${task.id}/activities?order=desc`);
    expect(asc.body.map((a: { message: string }) => a.message)).toEqual(['one', 'two']);
    expect(desc.body.map((a: { message: string }) => a.message)).toEqual(['two', 'one']);
    const bad = await t.call('POST', `/api/tasks/${task.id}/activities`, {
      activity_type: 'danced',
      message: 'x',
    });
    expect(bad.status).toBe(400);
  });

  it('adds deliverables, refusing a url that is not http(s) and a file without a path', async () => {
    const task = await newTask();
    const ok = await t.call('POST', `/api/tasks/${task.id}/deliverables`, {
      deliverable_type: 'file',
      title: 'Implementation',
      path: '~/code/feature-x.ts',
      description: 'Complete implementation',
    });
    expect(ok.status).toBe(201);
    for (const path of ['javascript:alert(1)', 'file:///etc/passwd', 'not a url']) {
      const res = await t.call('POST', `/api/tasks/${task.id}/deliverables`, {
        deliverable_type: 'url',
        title: 'u',
        path,
      });
      expect([path, res.status]).toEqual([path, 400]);
    }
    const noPath = await t.call('POST', `/api/tasks/${task.id}/deliverables`, {
      deliverable_type: 'file',
      title: 'f',
    });
    expect(noPath.status).toBe(400);
    expect((await t.call('GET', `/api/tasks/${task.id}/deliverables`)).body).toHaveLength(1);
  });

  it('replays an idempotent retry without writing twice, and refuses the key on another request', async () => {
    const headers = { 'idempotency-key': 'create-1' };
    const first = await t.call('POST', '/api/tasks', { title: 'once' }, headers);
    const retry = await t.call('POST', '/api/tasks', { title: 'once' }, headers);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((await t.call('GET', '/api/tasks')).body).toHaveLength(1);
    expect(t.core.events.bounds().latest).toBe(1);
    const misuse = await t.call('POST', '/api/tasks', { title: 'different' }, headers);
    expect(misuse.status).toBe(422);
  });

  it('does not tx a failed write under its idempotency key, so a corrected retry can succeed', async () => {
    const headers = { 'idempotency-key': 'k' };
    const task = await newTask();
    expect(
      (await t.call('PATCH', `/api/tasks/${task.id}`, { status: 'done' }, { ...headers, 'if-match': '9' }))
        .status,
    ).toBe(409);
    expect(
      (await t.call('PATCH', `/api/tasks/${task.id}`, { status: 'done' }, { ...headers, 'if-match': '9' }))
        .status,
    ).toBe(409);
  });
});
