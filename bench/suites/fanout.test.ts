// The bare broadcaster's frame must stay the size of Mission Control's, or the fan-out ratio compares
// unlike work: its body has the fields a created task has, and about its length.
import { expect, it } from 'vitest';
import { testCore } from '../../src/core/testing/harness.ts';
import { bareBody } from './fanout.ts';

it('sends a body shaped like the task a create publishes', () => {
  const t = testCore({ sweep: false });
  try {
    const task = t.core.tasks.create({ title: 'fan-out round 7' });
    const bare = JSON.parse(bareBody(7));
    expect(Object.keys(bare).sort()).toEqual(Object.keys(task).sort());
    expect(Math.abs(bareBody(7).length - JSON.stringify(task).length)).toBeLessThan(8);
  } finally {
    t.close();
  }
});
