import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toAnswer } from '../errors.ts';
import { workLoopCore } from '../testing/work-loop.ts';

let t: ReturnType<typeof workLoopCore>;
beforeEach(() => {
  t = workLoopCore();
});
afterEach(() => t.close());

const activities = (taskId: string) => t.core.activities.list(taskId, { order: 'asc' });
/** An agent claims a task, works on it, and moves it to review itself (its lease ends there). */
function inReview(agentId: string, title = 'feature') {
  const task = t.core.tasks.create({ title, status: 'assigned', assigned_agent_id: agentId });
  t.core.leases.claim(agentId, 60);
  t.clock.advance(30);
  return t.core.tasks.update(task.id, { status: 'review', agent_id: agentId });
}

describe('approving a task in review', () => {
  it('moves it to done, logs the decision, and emits task_updated, activities, comment_added, review_decided', () => {
    const a = t.agent('Dev');
    const task = inReview(a.id);
    t.clock.advance(10);
    t.published.length = 0;

    const decided = t.core.review.decide(task.id, { decision: 'approve', comment: '  Lovely.  ' });
    expect(decided.task).toMatchObject({ id: task.id, status: 'done', assigned_agent_id: a.id, lease: null });
    expect(t.core.tasks.get(task.id)).toEqual(decided.task);
    expect(t.published.map((e) => e.type)).toEqual([
      'task_updated',
      'activity_logged',
      'activity_logged',
      'comment_added',
      'review_decided',
    ]);
    const comment = { ...t.core.comments.list(task.id)[0] };
    expect(comment).toMatchObject({ author: 'operator', agent_id: null, body: 'Lovely.' });
    expect(t.payloads('task_updated')[0]).toMatchObject({ status: 'done', previous_status: 'review' });
    expect(t.payloads('review_decided')).toEqual([
      { task_id: task.id, decision: 'approve', comment, task: decided.task },
    ]);
    expect(activities(task.id).slice(-2)).toMatchObject([
      { activity_type: 'status_changed', message: 'Moved from Review to Done' },
      {
        activity_type: 'completed',
        agent_id: null,
        message: 'Approved by the operator',
        metadata: { review: 'approve', comment_id: comment.id },
      },
    ]);
  });

  it('without a comment (or a blank one) stores none and says comment: null', () => {
    const a = t.agent();
    const task = inReview(a.id);
    const other = inReview(a.id, 'other');
    t.published.length = 0;
    expect(t.core.review.decide(task.id, { decision: 'approve' }).comment).toBeNull();
    expect(t.core.review.decide(other.id, { decision: 'approve', comment: '   ' }).comment).toBeNull();
    expect(t.payloads('comment_added')).toEqual([]);
    expect(t.payloads('review_decided').map((d) => d.comment)).toEqual([null, null]);
    expect(activities(task.id).at(-1)?.metadata).toEqual({ review: 'approve' });
  });

  it('answers the task through the operation, as HTTP does', () => {
    const a = t.agent();
    const task = inReview(a.id);
    expect(t.core.run('tasks.review', { id: task.id, decision: 'approve' })).toMatchObject({
      id: task.id,
      status: 'done',
    });
  });
});

describe('requesting changes', () => {
  it('sends the task back to the same assignee, whose next claim gets it first, with an operator comment', () => {
    const a = t.agent('Dev');
    const task = inReview(a.id);
    // Older and more urgent, but not A's: A's own task comes first.
    t.core.tasks.create({ title: 'urgent for anyone', priority: 'urgent' });
    t.clock.advance(10);
    t.published.length = 0;

    const decided = t.core.review.decide(task.id, {
      decision: 'request_changes',
      comment: 'Please add a test for the empty case.',
    });
    expect(decided.task).toMatchObject({ status: 'assigned', assigned_agent_id: a.id, lease: null });
    expect(decided.comment).toMatchObject({
      task_id: task.id,
      author: 'operator',
      agent_id: null,
      body: 'Please add a test for the empty case.',
    });
    expect(t.core.comments.list(task.id)).toEqual([decided.comment]);
    expect(t.published.map((e) => e.type)).toEqual([
      'task_updated',
      'activity_logged',
      'activity_logged',
      'comment_added',
      'review_decided',
    ]);
    expect(t.payloads('comment_added')[0]?.task_assigned_agent_id).toBe(a.id);
    expect(activities(task.id).at(-1)).toMatchObject({
      activity_type: 'updated',
      message: 'Changes requested by the operator',
      metadata: { review: 'request_changes', comment_id: decided.comment?.id },
    });
    expect(t.core.leases.claim(a.id)?.task.id).toBe(task.id);
  });

  it('sends a task nobody is assigned to back to the inbox', () => {
    const task = t.core.tasks.create({ title: 'orphan', status: 'review' });
    const decided = t.core.review.decide(task.id, { decision: 'request_changes', comment: 'Redo' });
    expect(decided.task).toMatchObject({ status: 'inbox', assigned_agent_id: null });
    const b = t.agent('Anyone');
    expect(t.core.leases.claim(b.id)?.task.id).toBe(task.id);
  });
});

describe('a decision on a task not in review', () => {
  it('is 409 not_in_review, naming the status, and changes nothing', () => {
    const a = t.agent();
    for (const status of ['inbox', 'assigned', 'in_progress', 'testing', 'done'] as const) {
      const task = t.core.tasks.create({ title: status, status, assigned_agent_id: a.id });
      t.published.length = 0;
      let error: unknown;
      try {
        t.core.review.decide(task.id, { decision: 'approve', comment: 'x' });
      } catch (e) {
        error = e;
      }
      expect(toAnswer(error)).toMatchObject({
        status: 409,
        body: { error: { code: 'not_in_review', details: { status } } },
      });
      expect(t.core.tasks.get(task.id)).toEqual(task);
      expect(t.core.comments.list(task.id)).toEqual([]);
      expect(t.published).toEqual([]);
    }
  });

  it('is 409 the second time: a decided task has left review', () => {
    const a = t.agent();
    const task = inReview(a.id);
    t.core.review.decide(task.id, { decision: 'request_changes' });
    expect(() => t.core.review.decide(task.id, { decision: 'approve' })).toThrow(/not in Review/);
  });

  it('is 404 for an unknown task', () => {
    expect(() => t.core.review.decide('nope', { decision: 'approve' })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });
});
