import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toAnswer } from '../errors.ts';
import { workLoopCore } from '../testing/work-loop.ts';

let t: ReturnType<typeof workLoopCore>;
beforeEach(() => {
  t = workLoopCore();
});
afterEach(() => t.close());

/** The error `fn` throws, as the HTTP answer it becomes. */
const answerOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return toAnswer(error);
  }
  throw new Error('expected an error');
};

describe('comments', () => {
  it("stores an operator's comment (no agent_id) and emits comment_added with the task's assignee", () => {
    const a = t.agent('Dev');
    const task = t.core.tasks.create({ title: 'a', status: 'assigned', assigned_agent_id: a.id });
    t.published.length = 0;

    const comment = t.core.comments.create(task.id, { body: 'How is it going?' });
    expect(comment).toEqual({
      id: expect.any(String),
      task_id: task.id,
      agent_id: null,
      author: 'operator',
      body: 'How is it going?',
      created_at: t.clock.now(),
    });
    expect(t.published.map((e) => e.type)).toEqual(['comment_added']);
    expect(t.payloads('comment_added')).toEqual([{ ...comment, task_assigned_agent_id: a.id }]);
  });

  it("stores an agent's comment as author agent and marks the agent seen", () => {
    const a = t.agent('Dev');
    const task = t.core.tasks.create({ title: 'a' });
    t.clock.advance(5);
    const comment = t.core.comments.create(task.id, { body: 'On it', agent_id: a.id });
    expect(comment).toMatchObject({ agent_id: a.id, author: 'agent', body: 'On it' });
    expect(t.core.agents.get(a.id)).toMatchObject({ last_seen_at: t.clock.now(), presence: 'online' });
    expect(t.payloads('comment_added')).toEqual([{ ...comment, task_assigned_agent_id: null }]);
  });

  it('lists a task’s comments oldest first, ties in the order written, and only that task’s', () => {
    const task = t.core.tasks.create({ title: 'a' });
    const other = t.core.tasks.create({ title: 'b' });
    t.core.comments.create(task.id, { body: 'first' });
    t.core.comments.create(task.id, { body: 'second, same millisecond' });
    t.core.comments.create(other.id, { body: 'elsewhere' });
    t.clock.advance(1);
    t.core.comments.create(task.id, { body: 'third' });
    expect(t.core.comments.list(task.id).map((c) => c.body)).toEqual([
      'first',
      'second, same millisecond',
      'third',
    ]);
    expect(t.core.comments.list(other.id).map((c) => c.body)).toEqual(['elsewhere']);
    expect(t.core.run('comments.list', { task_id: task.id })).toHaveLength(3);
  });

  it('answers 404 for an unknown task and 422 for an unknown agent, writing nothing', () => {
    const task = t.core.tasks.create({ title: 'a' });
    t.published.length = 0;
    expect(answerOf(() => t.core.comments.list('nope'))).toMatchObject({ status: 404 });
    expect(answerOf(() => t.core.comments.create('nope', { body: 'x' }))).toMatchObject({ status: 404 });
    expect(answerOf(() => t.core.comments.create(task.id, { body: 'x', agent_id: 'ghost' }))).toMatchObject({
      status: 422,
      body: { error: { code: 'unprocessable' } },
    });
    expect(t.core.comments.list(task.id)).toEqual([]);
    expect(t.published).toEqual([]);
  });

  it('refuses an empty or blank body through the operation (400), and trims what it keeps', () => {
    const task = t.core.tasks.create({ title: 'a' });
    for (const body of ['', '   '])
      expect(answerOf(() => t.core.run('comments.create', { task_id: task.id, body }))).toMatchObject({
        status: 400,
      });
    expect(t.core.run('comments.create', { task_id: task.id, body: '  padded  ' })).toMatchObject({
      body: 'padded',
    });
  });

  it('goes with its task (task_deleted lists it) and outlives its agent (agent_deleted clears it)', () => {
    const a = t.agent('Dev');
    const keep = t.core.tasks.create({ title: 'keep' });
    const drop = t.core.tasks.create({ title: 'drop', status: 'assigned', assigned_agent_id: a.id });
    const kept = t.core.comments.create(keep.id, { body: 'stays', agent_id: a.id });
    const gone = t.core.comments.create(drop.id, { body: 'goes' });

    t.core.tasks.remove(drop.id);
    expect(t.payloads('task_deleted')).toEqual([
      expect.objectContaining({
        id: drop.id,
        assigned_agent_id: a.id,
        removed: expect.objectContaining({ comment_ids: [gone.id] }),
      }),
    ]);
    t.core.agents.remove(a.id);
    expect(t.payloads('agent_deleted')[0]?.cleared.comment_ids).toEqual([kept.id]);
    expect(t.core.comments.list(keep.id)).toEqual([{ ...kept, agent_id: null }]);
  });
});
