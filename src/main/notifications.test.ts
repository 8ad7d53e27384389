import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttentionKind, TaskStatus } from '../shared/enums.ts';
import { attentionCore } from './testing/attention.ts';

vi.mock('electron', () => import('./testing/fake-electron.ts'));
const fake = await import('./testing/fake-electron.ts');
const { noticeFor, startNotifications } = await import('./notifications.ts');
const { watchAttention } = await import('./attention-watch.ts');

let t: ReturnType<typeof attentionCore>;
let watch: ReturnType<typeof watchAttention>;
let enabled = true;
let kinds: Partial<Record<AttentionKind, boolean>> = {};
const openTask = vi.fn();
const showWindow = vi.fn();
let stop: () => void;
const shown = () => fake.Notification.instances.filter((n) => n.shown).map((n) => n.options.title);
const bodies = () => fake.Notification.instances.filter((n) => n.shown).map((n) => n.options.body);
const start = () => {
  watch = watchAttention(t.core);
  stop = startNotifications(t.core, watch, {
    enabled: () => enabled,
    kindEnabled: (kind) => kinds[kind] ?? true,
    openTask,
    showWindow,
  });
};
const restart = () => {
  stop();
  watch.dispose();
  fake.Notification.instances = [];
  start();
};

beforeEach(() => {
  vi.useFakeTimers();
  fake.resetFakeElectron();
  t = attentionCore();
  enabled = true;
  kinds = {};
  openTask.mockReset();
  showWindow.mockReset();
  start();
});
afterEach(() => {
  stop();
  watch.dispose();
  t.close();
  vi.useRealTimers();
});

describe('attention notifications', () => {
  it('announces each new attention item once, with its message', () => {
    t.review('Ship it');
    t.failedSession('crawler');
    t.settle();
    expect(shown()).toEqual(['Ready for review', 'Sub-agent failed']);
    expect(bodies()).toEqual(['"Ship it" waits for review', 'crawler failed']);
    // Still on the list at the next read: not news again.
    t.review('Another');
    t.settle();
    expect(shown()).toEqual(['Ready for review', 'Sub-agent failed', 'Ready for review']);
  });

  it('says nothing about items already there at start-up', () => {
    t.review('Old');
    t.failedSession('old crawler');
    restart();
    t.settle();
    t.core.tasks.create({ title: 'Unrelated' });
    t.settle();
    expect(fake.Notification.instances).toEqual([]);
  });

  it('does not announce a task again while it is edited in review, but does when it comes back', () => {
    const task = t.review('Polish');
    t.settle();
    t.clock.advance(1);
    t.core.tasks.update(task.id, { title: 'Polish, renamed' }); // a new `since`, same key, still listed
    t.settle();
    expect(shown()).toEqual(['Ready for review']);
    t.clock.advance(1);
    t.core.review.decide(task.id, { decision: 'request_changes', comment: 'again' });
    t.settle();
    t.clock.advance(1);
    t.core.tasks.update(task.id, { status: 'review' });
    t.settle();
    expect(bodies()).toEqual(['"Polish" waits for review', '"Polish, renamed" waits for review']);
  });

  it('says nothing about an item dismissed before it was read, nor again after a dismissal', () => {
    const quick = t.review('Dismissed at once');
    t.core.attention.dismiss(`review:${quick.id}`);
    t.settle();
    expect(shown()).toEqual([]);
    const seen = t.review('Seen, then dismissed');
    t.settle();
    t.core.attention.dismiss(`review:${seen.id}`);
    t.settle();
    expect(shown()).toEqual(['Ready for review']);
  });

  it('announces a kind only while its switch is on, and does not replay it when switched on', () => {
    kinds = { failed_session: false };
    t.failedSession('quiet');
    t.review('Loud');
    t.settle();
    expect(shown()).toEqual(['Ready for review']);
    kinds = {};
    t.settle();
    t.review('Loud again');
    t.settle();
    expect(shown()).toEqual(['Ready for review', 'Ready for review']);
  });

  it('announces stale sessions, expired leases and stuck tasks', () => {
    const agent = t.agent('Dev');
    const task = t.core.tasks.create({ title: 'Flaky' });
    t.core.sessions.registerSubagent(task.id, {
      openclaw_session_id: 'oc-stale',
      agent_name: 'Worker',
      heartbeat_ttl_s: 30,
    });
    t.sweepAfter(30);
    t.settle();
    t.core.leases.claim(agent.id, 10);
    t.sweepAfter(10);
    t.settle();
    for (let i = 0; i < 2; i++) {
      t.core.leases.claim(agent.id, 10);
      t.sweepAfter(10);
    }
    t.settle();
    expect(shown()).toEqual(['Sub-agent went silent', 'Lease expired', 'Task stuck']);
  });

  it('stays silent when all notifications are off or unsupported', () => {
    enabled = false;
    t.review('Quiet');
    t.settle();
    enabled = true;
    fake.Notification.supported = false;
    t.review('Unsupported');
    t.settle();
    expect(fake.Notification.instances).toEqual([]);
  });

  it('opens the task when clicked', () => {
    const task = t.review('Click me');
    t.settle();
    fake.Notification.instances[0]?.emit('click');
    expect(openTask).toHaveBeenCalledWith(task.id);
  });

  it('sums up a burst of new items in one notification that opens the board', () => {
    for (let i = 0; i < 5; i++) t.review(`Batch ${i}`);
    t.settle();
    expect(shown()).toEqual(['5 items need you']);
    expect(bodies()[0]?.split('\n')).toEqual([
      '"Batch 0" waits for review',
      '"Batch 1" waits for review',
      '"Batch 2" waits for review',
      'and 2 more',
    ]);
    fake.Notification.instances[0]?.emit('click');
    expect(showWindow).toHaveBeenCalledOnce();
    expect(openTask).not.toHaveBeenCalled();
  });

  it('stops once stopped', () => {
    stop();
    t.review('After stop');
    t.settle();
    expect(fake.Notification.instances).toEqual([]);
  });
});

describe('task notifications', () => {
  it('announces a task reaching done, once; reaching review only as its attention item', () => {
    const task = t.core.tasks.create({ title: 'Ship it' });
    t.core.tasks.update(task.id, { status: 'review' });
    t.settle();
    t.clock.advance(1);
    t.core.tasks.update(task.id, { status: 'done' });
    t.core.tasks.update(task.id, { description: 'edited while done' });
    t.settle();
    expect(shown()).toEqual(['Ready for review', 'Done: Ship it']);
  });

  it('announces a task created straight into done, and nothing for a delete', () => {
    const task = t.core.tasks.create({ title: 'Imported', status: 'done' });
    t.core.tasks.remove(task.id);
    t.settle();
    expect(shown()).toEqual(['Done: Imported']);
  });

  it('gives one notification for a failed sub-agent (its attention item), none for a completed one', () => {
    const task = t.core.tasks.create({ title: 'Crawl' });
    const ok = t.core.sessions.registerSubagent(task.id, { openclaw_session_id: 's-1' });
    t.core.sessions.update(ok.id, { status: 'completed' });
    t.failedSession('crawler');
    t.settle();
    expect(shown()).toEqual(['Sub-agent failed']);
  });

  it('tells reaching done from editing in done by the previous status the event carries', () => {
    const task = { ...t.core.tasks.create({ title: 'Fresh' }), status: 'done' as const, version: 2 };
    const event = (previous_status: TaskStatus) =>
      ({
        id: 9,
        type: 'task_updated',
        payload: { ...task, previous_status, previous_assigned_agent_id: task.assigned_agent_id },
        created_at: task.created_at,
      }) as const;
    expect(noticeFor(event('review'))).toEqual({
      title: 'Done: Fresh',
      body: 'Click to open the task.',
      taskId: task.id,
    });
    expect(noticeFor(event('done'))).toBeNull();
    expect(
      noticeFor({ ...event('testing'), payload: { ...event('testing').payload, status: 'review' } }),
    ).toBeNull();
  });
});
