import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toAnswer } from '../errors.ts';
import { workLoopCore } from '../testing/work-loop.ts';

let t: ReturnType<typeof workLoopCore>;
beforeEach(() => {
  t = workLoopCore();
});
afterEach(() => t.close());

const create = (title: string, depends_on?: string[]) => t.core.tasks.create({ title, depends_on });
const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};
const expectCycle = (fn: () => unknown) => {
  const error = thrown(fn);
  expect(error).toMatchObject({ code: 'dependency_cycle' });
  expect(toAnswer(error).status).toBe(409);
};

describe('depends_on', () => {
  it('is stored on create and the task is blocked until its dependency is done', () => {
    const first = create('first');
    const second = create('second', [first.id]);
    expect(second).toMatchObject({ depends_on: [first.id], blocked: true });
    expect(t.core.tasks.get(second.id).blocked).toBe(true);
    t.core.tasks.update(first.id, { status: 'review' });
    expect(t.core.tasks.get(second.id).blocked).toBe(true);
    t.core.tasks.update(first.id, { status: 'done' });
    expect(t.core.tasks.get(second.id)).toMatchObject({ depends_on: [first.id], blocked: false });
  });

  it('blocks until every dependency is done', () => {
    const a = create('a');
    const b = create('b');
    const c = create('c', [a.id, b.id]);
    t.core.tasks.update(a.id, { status: 'done' });
    expect(t.core.tasks.get(c.id).blocked).toBe(true);
    t.core.tasks.update(b.id, { status: 'done' });
    expect(t.core.tasks.get(c.id).blocked).toBe(false);
  });

  it('is replaced as a set by PATCH, and an empty list unblocks', () => {
    const a = create('a');
    const b = create('b');
    const c = create('c', [a.id]);
    const patched = t.core.run('tasks.update', { id: c.id, changes: { depends_on: [b.id, b.id] } });
    expect(patched).toMatchObject({ depends_on: [b.id], blocked: true });
    expect(t.payloads('task_updated').at(-1)).toMatchObject({ id: c.id, depends_on: [b.id], blocked: true });
    expect(t.core.tasks.update(c.id, { depends_on: [] })).toMatchObject({ depends_on: [], blocked: false });
  });

  it('keeps the dependencies when a PATCH does not mention them', () => {
    const a = create('a');
    const c = create('c', [a.id]);
    expect(t.core.tasks.update(c.id, { title: 'c2' })).toMatchObject({ depends_on: [a.id], blocked: true });
  });

  it('refuses an unknown id with 422 and writes nothing', () => {
    const a = create('a');
    const latest = t.core.events.bounds().latest;
    const onCreate = thrown(() => t.core.run('tasks.create', { title: 'x', depends_on: [a.id, 'nope'] }));
    expect(onCreate).toMatchObject({
      code: 'unprocessable',
      details: { field: 'depends_on', ids: ['nope'] },
    });
    expect(toAnswer(onCreate).status).toBe(422);
    const onPatch = thrown(() => t.core.tasks.update(a.id, { title: 'renamed', depends_on: ['nope'] }));
    expect(onPatch).toMatchObject({ code: 'unprocessable' });
    expect(t.core.tasks.list().map((x) => x.title)).toEqual(['a']);
    expect(t.core.events.bounds().latest).toBe(latest);
  });

  it('refuses a task depending on itself with 409 dependency_cycle', () => {
    const a = create('a');
    expectCycle(() => t.core.tasks.update(a.id, { depends_on: [a.id] }));
    expect(t.core.tasks.get(a.id)).toMatchObject({ depends_on: [], version: 1 });
  });

  it('refuses A → B → A, and a longer cycle, keeping the dependencies as they were', () => {
    const a = create('a');
    const b = create('b', [a.id]);
    expectCycle(() => t.core.tasks.update(a.id, { depends_on: [b.id] }));
    const c = create('c', [b.id]);
    expectCycle(() => t.core.run('tasks.update', { id: a.id, changes: { depends_on: [c.id] } }));
    expect(t.core.tasks.get(a.id).depends_on).toEqual([]);
    // A diamond is not a cycle.
    expect(create('d', [b.id, c.id]).depends_on.sort()).toEqual([b.id, c.id].sort());
  });
});

describe('dependents hear about it', () => {
  it('get task_updated with blocked false when a dependency reaches done, and true when it leaves done', () => {
    const a = create('a');
    const b = create('b', [a.id]);
    const c = create('c', [a.id]);
    t.published.length = 0;
    t.core.tasks.update(a.id, { status: 'done' });
    const updates = t.payloads('task_updated');
    expect(updates.map((u) => u.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(updates.find((u) => u.id === b.id)).toMatchObject({ blocked: false, status: 'inbox' });
    expect(updates.find((u) => u.id === c.id)).toMatchObject({ blocked: false });

    t.published.length = 0;
    t.core.tasks.update(a.id, { status: 'review' });
    expect(t.payloads('task_updated').find((u) => u.id === b.id)).toMatchObject({ blocked: true });
  });

  it('get task_updated with the dependency gone and blocked false when it is deleted', () => {
    const a = create('a');
    const other = create('other');
    const b = create('b', [a.id, other.id]);
    t.core.tasks.update(other.id, { status: 'done' });
    t.published.length = 0;
    t.core.run('tasks.delete', { id: a.id });
    expect(t.published.map((e) => e.type)).toEqual(['task_deleted', 'task_updated']);
    expect(t.payloads('task_updated')).toEqual([
      expect.objectContaining({ id: b.id, depends_on: [other.id], blocked: false }),
    ]);
    expect(t.core.tasks.get(b.id)).toMatchObject({ depends_on: [other.id], blocked: false });
  });

  it('hear nothing when a dependency changes without reaching or leaving done', () => {
    const a = create('a');
    create('b', [a.id]);
    t.published.length = 0;
    t.core.tasks.update(a.id, { status: 'in_progress' });
    expect(t.payloads('task_updated').map((u) => u.id)).toEqual([a.id]);
  });
});

describe('claiming and dependencies', () => {
  it('never claims a blocked task, and claims it once its dependency is done', () => {
    const agent = t.agent();
    const first = create('first');
    t.core.tasks.update(first.id, { status: 'review' });
    const blocked = t.core.tasks.create({ title: 'blocked', priority: 'urgent', depends_on: [first.id] });
    const free = create('free');
    expect(t.core.leases.claim(agent.id)?.task.id).toBe(free.id);
    expect(t.core.leases.claim(agent.id)).toBeNull();
    t.core.tasks.update(first.id, { status: 'done' });
    expect(t.core.leases.claim(agent.id)?.task.id).toBe(blocked.id);
  });

  it('does not claim a blocked task even when it is assigned to the agent', () => {
    const agent = t.agent();
    const first = create('first');
    t.core.tasks.create({
      title: 'mine',
      status: 'assigned',
      assigned_agent_id: agent.id,
      depends_on: [first.id],
    });
    expect(t.core.leases.claim(agent.id)?.task.id).toBe(first.id);
  });
});
