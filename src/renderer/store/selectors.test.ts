import { describe, expect, it } from 'vitest';
import { aSession, aTask } from '../test-fixtures.ts';
import { emptyBoard } from './board-data.ts';
import { selectDependencyOptions, selectSubagentCounts, selectWaitingCounts } from './selectors.ts';
import { createBoardStore } from './store.ts';

const state = (data: Partial<ReturnType<typeof emptyBoard>>) =>
  createBoardStore({ data: { ...emptyBoard(), ...data } }).getState();

describe('selectors', () => {
  it('counts, for blocked tasks only, the dependencies not done (an unknown one is an old done task)', () => {
    const s = state({
      tasks: {
        a: aTask({ id: 'a', status: 'done' }),
        b: aTask({ id: 'b', status: 'review' }),
        c: aTask({ id: 'c', depends_on: ['a', 'b', 'gone'], blocked: true }),
        d: aTask({ id: 'd', depends_on: ['a'], blocked: false }),
      },
    });
    // Every open task is on the board; a missing one is done and not paged in (issue 18, item 8).
    expect(selectWaitingCounts(s)).toEqual({ c: 1 });
    expect(selectWaitingCounts(s)).toBe(selectWaitingCounts(s)); // memoised: one pass per change
  });

  it('counts active and silent sub-agent sessions apart, per task and per agent', () => {
    const counts = selectSubagentCounts(
      state({
        sessions: {
          s1: aSession({ id: 's1', agent_id: 'a1' }),
          s2: aSession({ id: 's2', agent_id: 'a1', status: 'stale' }),
          s3: aSession({ id: 's3', status: 'failed' }),
          s4: aSession({ id: 's4', session_type: 'persistent', status: 'stale' }),
        },
      }),
    );
    expect(counts).toMatchObject({
      total: 1,
      silent: 1,
      byTask: { t1: 1 },
      silentByTask: { t1: 1 },
      byAgent: { a1: 1 },
      silentByAgent: { a1: 1 },
    });
  });

  it('offers tasks as dependencies grouped by column in board order', () => {
    const options = selectDependencyOptions(
      state({
        tasks: {
          x: aTask({ id: 'x', title: 'Later', status: 'done' }),
          y: aTask({ id: 'y', title: 'First', status: 'inbox' }),
        },
      }),
    );
    expect(options).toEqual([
      { group: 'Inbox', items: [{ value: 'y', label: 'First' }] },
      { group: 'Done', items: [{ value: 'x', label: 'Later' }] },
    ]);
  });
});
