import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testCore } from '../core/testing/harness.ts';
import type { TaskStatus } from '../shared/enums.ts';

vi.mock('electron', () => import('./testing/fake-electron.ts'));
const fake = await import('./testing/fake-electron.ts');
const { noticeFor, startNotifications } = await import('./notifications.ts');

let t: ReturnType<typeof testCore>;
let enabled = true;
const openTask = vi.fn();
let stop: () => void;
const shown = () => fake.Notification.instances.filter((n) => n.shown).map((n) => n.options.title);

beforeEach(() => {
  fake.resetFakeElectron();
  t = testCore();
  enabled = true;
  openTask.mockReset();
  stop = startNotifications(t.core, { enabled: () => enabled, openTask });
});
afterEach(() => {
  stop();
  t.close();
});

describe('native notifications', () => {
  it('announces a task reaching review and done, once each', () => {
    const task = t.core.tasks.create({ title: 'Ship it' });
    t.core.tasks.update(task.id, { status: 'in_progress' });
    expect(shown()).toEqual([]);
    t.core.tasks.update(task.id, { status: 'review' });
    t.core.tasks.update(task.id, { description: 'edited while in review' });
    t.core.tasks.update(task.id, { status: 'done' });
    expect(shown()).toEqual(['Ready for review: Ship it', 'Done: Ship it']);
  });

  it('knows tasks that were already in review before it started', () => {
    const task = t.core.tasks.create({ title: 'Old' });
    t.core.tasks.update(task.id, { status: 'review' });
    stop();
    fake.Notification.instances = [];
    stop = startNotifications(t.core, { enabled: () => enabled, openTask });
    t.core.tasks.update(task.id, { title: 'Old, renamed' });
    expect(shown()).toEqual([]);
  });

  it('announces a failed sub-agent session but not a completed one', () => {
    const task = t.core.tasks.create({ title: 'Crawl' });
    const a = t.core.sessions.registerSubagent(task.id, {
      openclaw_session_id: 's-1',
      agent_name: 'crawler',
    });
    const b = t.core.sessions.registerSubagent(task.id, { openclaw_session_id: 's-2' });
    t.core.sessions.update(a.id, { status: 'completed' });
    t.core.sessions.update(b.id, { status: 'failed' });
    expect(shown()).toEqual(['Sub-agent failed']);
    expect(fake.Notification.instances[0]?.options.body).toBe('s-2 ended with a failure.');
  });

  it('opens the task when clicked', () => {
    const task = t.core.tasks.create({ title: 'Click me' });
    t.core.tasks.update(task.id, { status: 'review' });
    fake.Notification.instances[0]?.emit('click');
    expect(openTask).toHaveBeenCalledWith(task.id);
  });

  it('stays silent when turned off or unsupported', () => {
    const task = t.core.tasks.create({ title: 'Quiet' });
    enabled = false;
    t.core.tasks.update(task.id, { status: 'review' });
    enabled = true;
    fake.Notification.supported = false;
    t.core.tasks.update(task.id, { status: 'done' });
    expect(fake.Notification.instances).toEqual([]);
    // The status was still tracked while silent: an edit in done is not "reaching" done.
    fake.Notification.supported = true;
    t.core.tasks.update(task.id, { title: 'Quiet, renamed' });
    expect(shown()).toEqual([]);
  });

  it('tells reaching review from editing in review by the previous status the event carries', () => {
    const task = { ...t.core.tasks.create({ title: 'Fresh' }), status: 'review' as const, version: 2 };
    const event = (previous_status: TaskStatus) =>
      ({
        id: 9,
        type: 'task_updated',
        payload: { ...task, previous_status, previous_assigned_agent_id: task.assigned_agent_id },
        created_at: task.created_at,
      }) as const;
    expect(noticeFor(event('testing'))).toEqual({
      title: 'Ready for review: Fresh',
      body: 'Click to open the task.',
      taskId: task.id,
    });
    expect(noticeFor(event('review'))).toBeNull();
  });

  it('announces a task created straight into done, and nothing for a delete', () => {
    const task = t.core.tasks.create({ title: 'Imported', status: 'done' });
    t.core.tasks.remove(task.id);
    expect(shown()).toEqual(['Done: Imported']);
  });
});
