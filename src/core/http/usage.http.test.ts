// Usage and cost over HTTP: every route, its answers and its errors, budgets, and what devices may do.
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
const report = { model: 'sonnet', input_tokens: 1200, output_tokens: 300 };

describe('usage reports over HTTP', () => {
  it('stores a report on a task (201) and adds it to the task without a new version', async () => {
    const a = await agent();
    const before = await task();
    const record = await created(`/api/tasks/${before.id}/usage`, {
      ...report,
      cache_read_tokens: 50,
      cost_usd: 0.1,
      agent_id: a.id,
    });
    expect(record).toEqual({
      id: expect.any(String),
      task_id: before.id,
      session_id: null,
      agent_id: a.id,
      model: 'sonnet',
      input_tokens: 1200,
      output_tokens: 300,
      cache_read_tokens: 50,
      cache_write_tokens: 0,
      cost_usd: 0.1,
      created_at: expect.any(String),
    });
    const after = (await t.call('GET', `/api/tasks/${before.id}`)).body;
    expect(after.version).toBe(before.version);
    expect(after.usage).toEqual({
      input_tokens: 1200,
      output_tokens: 300,
      cost_usd: 0.1,
    });
    const breakdown = await t.call('GET', `/api/tasks/${before.id}/usage`);
    expect(breakdown).toMatchObject({
      status: 200,
      body: { rows: [{ model: 'sonnet', agent_id: a.id, reports: 1 }] },
    });
  });

  it("stores a session's report by our id or the openclaw id, attributed to the session's agent", async () => {
    const a = await agent();
    const { id } = await task();
    const session = await created(`/api/tasks/${id}/subagent`, {
      openclaw_session_id: 'oc-1',
      agent_id: a.id,
    });
    const byOpenclaw = await created('/api/openclaw/sessions/oc-1/usage', report);
    expect(byOpenclaw).toMatchObject({ session_id: session.id, task_id: id, agent_id: a.id, cost_usd: null });
    const byOurs = await created(`/api/openclaw/sessions/${session.id}/usage`, report);
    expect(byOurs.session_id).toBe(session.id);
    const viaTask = await created(`/api/tasks/${id}/usage`, { ...report, session_id: 'oc-1' });
    expect(viaTask).toMatchObject({ session_id: session.id, agent_id: a.id });
  });

  it('answers 400 for bad input, 404 for unknown ids in the path, 422 for unknown ids in the body', async () => {
    const { id } = await task();
    const path = `/api/tasks/${id}/usage`;
    for (const body of [
      {},
      { ...report, model: '' },
      { ...report, input_tokens: -1 },
      { ...report, output_tokens: 1.5 },
      { ...report, input_tokens: '5' },
      { ...report, cost_usd: -0.01 },
      { ...report, cost_usd: 'free' },
      { ...report, cache_write_tokens: -3 },
      { ...report, extra: true },
      [],
    ])
      expect([body, ...errorOf(await t.call('POST', path, body))]).toEqual([body, 400, 'validation_failed']);
    expect(errorOf(await t.call('POST', '/api/tasks/nope/usage', report))).toEqual([404, 'not_found']);
    expect(errorOf(await t.call('POST', '/api/openclaw/sessions/nope/usage', report))).toEqual([
      404,
      'not_found',
    ]);
    expect(errorOf(await t.call('GET', '/api/tasks/nope/usage'))).toEqual([404, 'not_found']);
    expect(errorOf(await t.call('POST', path, { ...report, agent_id: 'ghost' }))).toEqual([
      422,
      'unprocessable',
    ]);
    expect(errorOf(await t.call('POST', path, { ...report, session_id: 'ghost' }))).toEqual([
      422,
      'unprocessable',
    ]);
  });
});

describe('usage summaries over HTTP', () => {
  it('groups by task, agent, model and day with exact sums', async () => {
    const a = await agent();
    const one = await task();
    const two = await task();
    for (const cost of [0.1, 0.2, 0.000001])
      await created(`/api/tasks/${one.id}/usage`, { ...report, cost_usd: cost, agent_id: a.id });
    await created(`/api/tasks/${two.id}/usage`, { ...report, model: 'haiku' });

    const byTask = (await t.call('GET', '/api/usage?group_by=task')).body.rows;
    expect(byTask).toEqual([
      {
        key: one.id,
        input_tokens: 3600,
        output_tokens: 900,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        cost_usd: 0.300001,
        reports: 3,
        unpriced_reports: 0,
      },
      expect.objectContaining({ key: two.id, cost_usd: null, reports: 1, unpriced_reports: 1 }),
    ]);
    const byAgent = (await t.call('GET', '/api/usage?group_by=agent')).body.rows;
    expect(byAgent.map((r: Json) => [r.key, r.reports])).toEqual([
      [a.id, 3],
      [null, 1],
    ]);
    const byModel = (await t.call('GET', '/api/usage?group_by=model')).body.rows;
    expect(byModel.map((r: Json) => r.key)).toEqual(['sonnet', 'haiku']);
    const today = new Date().toISOString().slice(0, 10);
    const byDay = (await t.call('GET', `/api/usage?group_by=day&from=${today}`)).body.rows;
    expect(byDay).toMatchObject([{ key: today, reports: 4, cost_usd: 0.300001 }]);
    expect((await t.call('GET', `/api/usage?group_by=day&to=${today}`)).body.rows).toEqual([]);
  });

  it('answers 400 for a bad grouping or window', async () => {
    for (const query of ['', '?group_by=week', '?group_by=day&from=yesterday', '?group_by=day&to=2026-13-01'])
      expect([query, ...errorOf(await t.call('GET', `/api/usage${query}`))]).toEqual([
        query,
        400,
        'validation_failed',
      ]);
  });
});

describe('prices over HTTP', () => {
  it('starts empty, is replaced by the owner, and prices later reports', async () => {
    expect(await t.call('GET', '/api/settings/prices')).toMatchObject({ status: 200, body: {} });
    const prices = { sonnet: { input_per_mtok: 3, output_per_mtok: 15 } };
    expect(await t.call('PUT', '/api/settings/prices', prices)).toMatchObject({ status: 200, body: prices });
    expect((await t.call('GET', '/api/settings/prices')).body).toEqual(prices);
    const { id } = await task();
    // 1,200 × $3/M + 300 × $15/M = 0.0036 + 0.0045
    expect((await created(`/api/tasks/${id}/usage`, report)).cost_usd).toBe(0.0081);
    for (const body of [
      { sonnet: { input_per_mtok: -1, output_per_mtok: 1 } },
      { sonnet: { input_per_mtok: 1 } },
      { sonnet: { input_per_mtok: 1, output_per_mtok: 1, surprise: 1 } },
      { '': { input_per_mtok: 1, output_per_mtok: 1 } },
      [],
    ])
      expect([body, ...errorOf(await t.call('PUT', '/api/settings/prices', body))]).toEqual([
        body,
        400,
        'validation_failed',
      ]);
  });
});

describe('budgets over HTTP', () => {
  it('stop renewals with 409 over_budget and claims until the budget is raised', async () => {
    const a = await agent();
    const { id } = await task({ budget_usd: 0.5 });
    expect((await t.call('POST', '/api/work/claim', { agent_id: a.id })).body.task.id).toBe(id);
    await created(`/api/tasks/${id}/usage`, { ...report, cost_usd: 0.5 });
    const over = (await t.call('GET', `/api/tasks/${id}`)).body;
    expect(over).toMatchObject({ over_budget: true, budget_usd: 0.5, usage: { cost_usd: 0.5 } });
    expect((await t.call('GET', '/api/attention')).body.items).toContainEqual(
      expect.objectContaining({ kind: 'over_budget', task_id: id }),
    );
    const refused = await t.call('POST', `/api/tasks/${id}/lease`, { agent_id: a.id });
    expect(errorOf(refused)).toEqual([409, 'over_budget']);
    expect(refused.body.error.details).toEqual({ task_id: id, budget_usd: 0.5, cost_usd: 0.5 });
    expect(await t.call('POST', `/api/tasks/${id}/release`, { agent_id: a.id })).toMatchObject({
      status: 200,
    });
    expect((await t.call('POST', '/api/work/claim', { agent_id: a.id })).status).toBe(204);

    const raised = await t.call('PATCH', `/api/tasks/${id}`, { budget_usd: 1 });
    expect(raised.body).toMatchObject({ over_budget: false, budget_usd: 1 });
    expect((await t.call('GET', '/api/attention')).body.items).toEqual([]);
    expect((await t.call('POST', '/api/work/claim', { agent_id: a.id })).body.task.id).toBe(id);
    for (const budget_usd of [0, -1, 'lots', 0.0000001])
      expect(errorOf(await t.call('PATCH', `/api/tasks/${id}`, { budget_usd }))).toEqual([
        400,
        'validation_failed',
      ]);
  });
});

describe('devices and usage', () => {
  it('lets a read-only device read usage and prices, and refuses its reports and price changes with 403', async () => {
    const issued = await created('/api/devices', { name: 'phone', scope: 'read' });
    const device = { authorization: `Bearer ${issued.token}` };
    const { id } = await task();
    await created(`/api/tasks/${id}/usage`, report);
    expect((await t.call('GET', '/api/usage?group_by=model', undefined, device)).body.rows).toHaveLength(1);
    expect((await t.call('GET', `/api/tasks/${id}/usage`, undefined, device)).status).toBe(200);
    expect((await t.call('GET', '/api/settings/prices', undefined, device)).status).toBe(200);
    expect(errorOf(await t.call('POST', `/api/tasks/${id}/usage`, report, device))).toEqual([
      403,
      'read_only',
    ]);
    expect((await t.call('PUT', '/api/settings/prices', {}, device)).status).toBe(403);

    const writer = await created('/api/devices', { name: 'laptop', scope: 'write' });
    const rw = { authorization: `Bearer ${writer.token}` };
    expect((await t.call('POST', `/api/tasks/${id}/usage`, report, rw)).status).toBe(201);
    expect((await t.call('PUT', '/api/settings/prices', {}, rw)).status).toBe(403);
  });
});
