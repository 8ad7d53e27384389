// A core on a fake clock (sweeper left to the test) with helpers that put things on the attention
// list, for the watcher, tray and notification tests. Call vi.useFakeTimers() before using it.
import { vi } from 'vitest';
import { workLoopCore } from '../../core/testing/work-loop.ts';
import { ATTENTION_INTERVAL_MS } from '../attention-watch.ts';

export function attentionCore() {
  const t = workLoopCore();
  let sessions = 0;
  return {
    ...t,
    /** A task waiting in review; a second later than the last thing, so `since` tells them apart. */
    review(title: string) {
      t.clock.advance(1);
      return t.core.tasks.create({ title, status: 'review' });
    },
    /** A sub-agent session on a new task that failed just now. */
    failedSession(name: string) {
      t.clock.advance(1);
      const task = t.core.tasks.create({ title: `${name}'s task` });
      const s = t.core.sessions.registerSubagent(task.id, {
        openclaw_session_id: `oc-${++sessions}`,
        agent_name: name,
      });
      return t.core.sessions.update(s.id, { status: 'failed' });
    },
    /** Lets the watcher's coalescing timer run, so it reads the list. */
    settle() {
      vi.advanceTimersByTime(ATTENTION_INTERVAL_MS);
    },
  };
}
