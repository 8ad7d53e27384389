import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toAnswer } from '../errors.ts';
import { workLoopCore } from '../testing/work-loop.ts';

let t: ReturnType<typeof workLoopCore>;
beforeEach(() => {
  t = workLoopCore();
});
afterEach(() => t.close());

const tokens = { model: 'm1', input_tokens: 10, output_tokens: 2 };
const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};
const statusOf = (fn: () => unknown) => {
  const answer = toAnswer(thrown(fn));
  return [answer.status, answer.body.error.code];
};

describe('usage sums', () => {
  it('sums 100,000 awkward amounts exactly to the micro-dollar, and tokens exactly', () => {
    const a = t.agent('A');
    const b = t.agent('B');
    const task = t.core.tasks.create({ title: 'expensive' });
    const started = Date.now();
    t.core.tx.write(() => {
      for (let i = 0; i < 100_000; i++) {
        const even = i % 2 === 0;
        t.core.usage.report(
          { task_id: task.id },
          {
            model: even ? 'tiny' : 'big',
            input_tokens: 123_457,
            output_tokens: 7,
            cost_usd: even ? 0.000001 : 0.1,
            agent_id: even ? a.id : b.id,
          },
        );
      }
    });
    expect(Date.now() - started).toBeLessThan(30_000);

    // 50,000 × 0.000001 + 50,000 × 0.1 = 0.05 + 5,000 (a float sum would drift)
    const after = t.core.tasks.get(task.id);
    expect(after.usage).toEqual({
      input_tokens: 12_345_700_000,
      output_tokens: 700_000,
      cost_usd: 5000.05,
    });
    expect(after.version).toBe(task.version);
    const byModel = t.core.usage.summary({ group_by: 'model' }).rows;
    expect(byModel.map((r) => [r.key, r.cost_usd, r.reports])).toEqual([
      ['big', 5000, 50_000],
      ['tiny', 0.05, 50_000],
    ]);
    const byAgent = t.core.usage.summary({ group_by: 'agent' }).rows;
    expect(byAgent.find((r) => r.key === a.id)?.input_tokens).toBe(6_172_850_000);
    const [day] = t.core.usage.summary({ group_by: 'day' }).rows;
    expect(day).toMatchObject({
      key: '2030-01-01',
      cost_usd: 5000.05,
      reports: 100_000,
      output_tokens: 700_000,
    });
    expect(t.core.usage.summary({ group_by: 'task' }).rows).toMatchObject([
      { key: task.id, cost_usd: 5000.05 },
    ]);
  });

  it('keeps unknown costs out of the sum and says how many there are', () => {
    const task = t.core.tasks.create({ title: 'x' });
    t.core.usage.report({ task_id: task.id }, tokens);
    expect(t.core.tasks.get(task.id).usage).toEqual({
      input_tokens: 10,
      output_tokens: 2,
      cost_usd: null,
    });
    t.core.usage.report({ task_id: task.id }, { ...tokens, cost_usd: 0.25 });
    expect(t.core.tasks.get(task.id).usage).toEqual({ input_tokens: 20, output_tokens: 4, cost_usd: 0.25 });
    expect(t.core.usage.summary({ group_by: 'task' }).rows[0]).toMatchObject({
      cost_usd: 0.25,
      reports: 2,
      unpriced_reports: 1,
    });
  });

  it('windows by [from, to) and keys days in UTC', () => {
    t.core.usage.report({ session_id: sessionOf(t.core.tasks.create({ title: 'x' }).id) }, tokens);
    t.clock.advance(24 * 3600);
    t.core.usage.report({ task_id: t.core.tasks.create({ title: 'y' }).id }, { ...tokens, cost_usd: 1 });
    const days = (from?: string, to?: string) =>
      t.core.usage.summary({ group_by: 'day', from, to }).rows.map((r) => [r.key, r.reports]);
    expect(days()).toEqual([
      ['2030-01-01', 1],
      ['2030-01-02', 1],
    ]);
    expect(days('2030-01-02')).toEqual([['2030-01-02', 1]]);
    expect(days(undefined, '2030-01-02')).toEqual([['2030-01-01', 1]]);
    expect(days('2030-01-01T00:00:00.001Z', '2030-01-02T00:00:00Z')).toEqual([]);
    expect(days('2030-01-02T01:00:00+02:00')).toEqual([['2030-01-02', 1]]);
  });

  it('reads every grouping from the covering index, not the table', () => {
    for (const sql of ['task_id', 'agent_id', 'model', 'substr(created_at, 1, 10)']) {
      const plan = t.core.db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT ${sql} AS key, sum(input_tokens), sum(output_tokens), sum(cache_read_tokens),
           sum(cache_write_tokens), sum(cost_micros), count(cost_micros), count(*) FROM usage_reports
           WHERE created_at >= ? AND created_at < ? GROUP BY ${sql}`,
        )
        .all('', '\uffff') as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join('; ')).toMatch(/USING COVERING INDEX idx_usage_time/);
    }
  });
});

function sessionOf(taskId: string, agentId?: string): string {
  return t.core.sessions.registerSubagent(taskId, {
    openclaw_session_id: `oc-${taskId}`,
    agent_id: agentId ?? null,
  }).id;
}

describe('usage reports', () => {
  it("attribute a session's report to its task and agent unless agent_id says otherwise", () => {
    const a = t.agent('A');
    const b = t.agent('B');
    const task = t.core.tasks.create({ title: 'x' });
    const session = sessionOf(task.id, a.id);
    t.published.length = 0;
    const record = t.core.usage.report({ session_id: `oc-${task.id}` }, { ...tokens, cache_read_tokens: 5 });
    expect(record).toMatchObject({
      task_id: task.id,
      session_id: session,
      agent_id: a.id,
      cache_read_tokens: 5,
      cache_write_tokens: 0,
      cost_usd: null,
    });
    expect(t.core.usage.report({ session_id: session }, { ...tokens, agent_id: b.id }).agent_id).toBe(b.id);
    expect(t.core.usage.report({ task_id: task.id, session_id: session }, tokens).session_id).toBe(session);
    expect(t.payloads('usage_recorded')[0]).toMatchObject({
      id: record.id,
      task_usage: { input_tokens: 10, output_tokens: 2, cost_usd: null },
      task_over_budget: false,
    });
    expect(t.payloads('task_updated')).toEqual([]);
    expect(t.core.usage.ofTask(task.id).rows.map((r) => [r.session_id, r.agent_id, r.reports])).toEqual([
      [session, a.id, 2],
      [session, b.id, 1],
    ]);
  });

  it('answers 404 for an unknown task or session, 422 for an unknown agent or a foreign session', () => {
    const task = t.core.tasks.create({ title: 'x' });
    const other = t.core.tasks.create({ title: 'y' });
    const foreign = sessionOf(other.id);
    expect(statusOf(() => t.core.usage.report({ task_id: 'nope' }, tokens))).toEqual([404, 'not_found']);
    expect(statusOf(() => t.core.usage.report({ session_id: 'nope' }, tokens))).toEqual([404, 'not_found']);
    expect(
      statusOf(() => t.core.usage.report({ task_id: task.id }, { ...tokens, agent_id: 'ghost' })),
    ).toEqual([422, 'unprocessable']);
    expect(statusOf(() => t.core.usage.report({ task_id: task.id, session_id: foreign }, tokens))).toEqual([
      422,
      'unprocessable',
    ]);
    expect(t.core.usage.summary({ group_by: 'task' }).rows).toEqual([]);
  });

  it('outlive their task, counted under no task', () => {
    const task = t.core.tasks.create({ title: 'x' });
    t.core.usage.report({ task_id: task.id }, { ...tokens, cost_usd: 0.5 });
    t.core.tasks.remove(task.id);
    expect(t.core.usage.summary({ group_by: 'task' }).rows).toMatchObject([{ key: null, cost_usd: 0.5 }]);
  });
});

describe('prices', () => {
  it('price a report without a cost, per million tokens, from the time they are set', () => {
    const task = t.core.tasks.create({ title: 'x' });
    const before = t.core.usage.report({ task_id: task.id }, { ...tokens, model: 'sonnet' });
    expect(before.cost_usd).toBeNull();
    t.core.usage.setPrices({
      sonnet: { input_per_mtok: 3, output_per_mtok: 15, cache_read_per_mtok: 0.3 },
    });
    expect(t.core.usage.prices()).toEqual({
      sonnet: { input_per_mtok: 3, output_per_mtok: 15, cache_read_per_mtok: 0.3 },
    });
    const body = { model: 'sonnet', input_tokens: 1_000_000, output_tokens: 100_000, cache_read_tokens: 10 };
    // $3 + $1.50 + 10 × $0.30/M = 4.500003
    expect(t.core.usage.report({ task_id: task.id }, body).cost_usd).toBe(4.500003);
    expect(t.core.usage.report({ task_id: task.id }, { ...body, cost_usd: 0.1 }).cost_usd).toBe(0.1);
    expect(t.core.usage.report({ task_id: task.id }, { ...body, cache_write_tokens: 1 }).cost_usd).toBeNull();
    expect(t.core.usage.report({ task_id: task.id }, { ...body, model: 'other' }).cost_usd).toBeNull();
    expect(
      t.core.usage.ofTask(task.id).rows.map((r) => [r.model, r.cost_usd, r.reports, r.unpriced_reports]),
    ).toEqual([
      ['sonnet', 4.600003, 4, 2],
      ['other', null, 1, 1],
    ]);
    // Survive a restart of the service (read back from settings).
    expect(
      t.core.db.prepare("SELECT value FROM settings WHERE key = 'usage.prices'").pluck().get(),
    ).toContain('sonnet');
  });
});

describe('budgets', () => {
  it('cross both ways: claims and renewals stop over budget and resume when it is raised', () => {
    const a = t.agent('A');
    const task = t.core.tasks.create({ title: 'capped', budget_usd: 1 });
    expect(task).toMatchObject({ budget_usd: 1, over_budget: false });
    const claim = t.core.leases.claim(a.id, 60);
    expect(claim?.task.id).toBe(task.id);

    t.core.usage.report({ task_id: task.id }, { ...tokens, cost_usd: 0.6 });
    expect(t.core.tasks.get(task.id).over_budget).toBe(false);
    t.published.length = 0;
    t.core.usage.report({ task_id: task.id }, { ...tokens, cost_usd: 0.4 });
    const over = t.core.tasks.get(task.id);
    expect(over).toMatchObject({ over_budget: true, usage: { cost_usd: 1 } });
    expect(t.payloads('budget_exceeded')).toEqual([{ task: over, budget_usd: 1, cost_usd: 1 }]);
    expect(t.payloads('usage_recorded')[0]?.task_over_budget).toBe(true);
    expect(t.core.attention.list()).toContainEqual(
      expect.objectContaining({ key: `over_budget:${task.id}`, kind: 'over_budget', task_id: task.id }),
    );
    // Once: a further report does not announce it again.
    t.core.usage.report({ task_id: task.id }, { ...tokens, cost_usd: 0.1 });
    expect(t.payloads('budget_exceeded')).toHaveLength(1);

    expect(statusOf(() => t.core.leases.renew(task.id, a.id))).toEqual([409, 'over_budget']);
    const expiresAt = t.core.tasks.get(task.id).lease?.expires_at;
    t.clock.advance(30);
    t.core.work.heartbeat(a.id);
    expect(t.core.tasks.get(task.id).lease?.expires_at).toBe(expiresAt);

    // The lease runs out: handed back, but not as the agent's silence (no expiry counted).
    t.sweepAfter(31);
    const back = t.core.tasks.get(task.id);
    expect(back).toMatchObject({ status: 'inbox', lease: null });
    expect(t.core.attention.list().map((i) => i.kind)).toEqual(['over_budget']);
    expect(t.core.leases.claim(a.id, 60)).toBeNull();

    // Raised above the cost: the item goes, claims work again.
    t.published.length = 0;
    const raised = t.core.tasks.update(task.id, { budget_usd: 5 });
    expect(raised).toMatchObject({ over_budget: false, budget_usd: 5 });
    expect(t.core.attention.list()).toEqual([]);
    expect(t.core.leases.claim(a.id, 60)?.task.id).toBe(task.id);
    expect(t.core.leases.renew(task.id, a.id).lease.agent_id).toBe(a.id);

    // Lowered under the cost: over again, announced again; removed: not over.
    const lowered = t.core.tasks.update(task.id, { budget_usd: 0.5 });
    expect(lowered.over_budget).toBe(true);
    expect(t.payloads('budget_exceeded').map((p) => p.budget_usd)).toEqual([0.5]);
    expect(t.core.tasks.update(task.id, { budget_usd: null })).toMatchObject({
      over_budget: false,
      budget_usd: null,
    });
  });

  it("reach the assignee's inbox as budget_exceeded, while plain reports stay out of it", async () => {
    const a = t.agent('A');
    const task = t.core.tasks.create({ title: 'capped', budget_usd: 0.3, assigned_agent_id: a.id });
    const { last_event_id } = await t.core.inbox.read(a.id, undefined, 0);
    t.core.usage.report({ task_id: task.id }, { ...tokens, cost_usd: 0.2, agent_id: a.id });
    t.core.usage.report({ task_id: task.id }, { ...tokens, cost_usd: 0.2, agent_id: a.id });
    const { events } = await t.core.inbox.read(a.id, last_event_id, 0);
    expect(events.map((e) => e.type)).toEqual(['budget_exceeded']);
  });

  it('refuse a budget below one micro-dollar', () => {
    expect(() => t.core.tasks.create({ title: 'x', budget_usd: 0 })).toThrow();
    expect(() => t.core.tasks.create({ title: 'x', budget_usd: -1 })).toThrow();
    expect(t.core.tasks.create({ title: 'x', budget_usd: 0.000001 }).budget_usd).toBe(0.000001);
  });
});
