import { afterEach, describe, expect, it } from 'vitest';
import type { LogLine } from '../../shared/logs.ts';
import { fakeClock } from '../testing/fake-clock.ts';
import { testCore } from '../testing/harness.ts';
import type { LogOptions } from './logs.ts';
import { LINE_OVERHEAD } from './logs.ts';

let t: ReturnType<typeof testCore> | undefined;
afterEach(() => t?.close());

function setup(logs: LogOptions = {}) {
  const clock = fakeClock();
  t = testCore({ clock, sweep: false, logs });
  const core = t.core;
  const task = core.tasks.create({ title: 'work' });
  const session = (name: string) => core.sessions.registerSubagent(task.id, { openclaw_session_id: name });
  return { core, clock, session };
}
const lines = (...texts: string[]) => texts.map((text) => ({ text, stream: 'stdout' as const }));
const texts = (page: { lines: LogLine[] }) => page.lines.map((l) => l.text);

describe('session logs', () => {
  it('numbers lines per session from 1 without gaps, found by either id, and reads them by seq', () => {
    const { core, session } = setup();
    const a = session('oc-a');
    const b = session('oc-b');
    expect(core.logs.append(a.id, lines('one', 'two'))).toEqual({ first_seq: 1, last_seq: 2 });
    expect(core.logs.append('oc-b', lines('other'))).toEqual({ first_seq: 1, last_seq: 1 });
    expect(core.logs.append('oc-a', [{ text: 'three', stream: 'stderr' }])).toEqual({
      first_seq: 3,
      last_seq: 3,
    });
    const page = core.logs.list(a.id);
    expect(page.last_seq).toBe(3);
    expect(page.lines.map((l) => [l.seq, l.stream, l.text])).toEqual([
      [1, 'stdout', 'one'],
      [2, 'stdout', 'two'],
      [3, 'stderr', 'three'],
    ]);
    expect(texts(core.logs.list(a.id, 1, 1))).toEqual(['two']);
    expect(texts(core.logs.list(b.id))).toEqual(['other']);
    // Lines stay out of the event log.
    expect(core.events.after(0, 100).map((e) => e.type)).not.toContain('session_log');
    expect(() => core.logs.append('ghost', lines('x'))).toThrow(/not found/);
  });

  it('keeps the time a line was written, or stamps it on arrival', () => {
    const { core, clock, session } = setup();
    const s = session('oc');
    core.logs.append(s.id, [
      { text: 'then', stream: 'info', at: '2029-12-31T23:00:00.000Z' },
      ...lines('now'),
    ]);
    expect(core.logs.list(s.id).lines.map((l) => l.at)).toEqual(['2029-12-31T23:00:00.000Z', clock.now()]);
  });

  it('takes lines for a minute after the session ended, then answers session_ended', () => {
    const { core, clock, session } = setup();
    const s = session('oc');
    core.sessions.update(s.id, { status: 'completed' });
    clock.advance(59);
    expect(core.logs.append(s.id, lines('late'))).toEqual({ first_seq: 1, last_seq: 1 });
    clock.advance(2);
    expect(() => core.logs.append(s.id, lines('too late'))).toThrow(
      expect.objectContaining({ code: 'session_ended' }),
    );
  });

  it('hands committed lines to listeners of their session only, and nothing of a rolled-back write', () => {
    const { core, session } = setup();
    const a = session('oc-a');
    const b = session('oc-b');
    const heard: number[] = [];
    const stop = core.logs.subscribe(a.id, (batch) => heard.push(...batch.map((l) => l.seq)));
    core.logs.append(a.id, lines('1', '2'));
    core.logs.append(b.id, lines('b'));
    expect(() =>
      core.tx.write(() => {
        core.logs.append(a.id, lines('rolled back'));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    core.logs.append(a.id, lines('3'));
    stop();
    core.logs.append(a.id, lines('4'));
    expect(heard).toEqual([1, 2, 3]);
    expect(texts(core.logs.list(a.id))).toEqual(['1', '2', '3', '4']);
  });

  it('keeps the newest lines of a session up to its limit, numbering on', () => {
    const { core, session } = setup({ sessionLines: 5 });
    const s = session('oc');
    core.logs.append(s.id, lines('1', '2', '3', '4'));
    core.logs.append(s.id, lines('5', '6', '7'));
    const page = core.logs.list(s.id);
    expect(page.lines.map((l) => l.seq)).toEqual([3, 4, 5, 6, 7]);
    expect(page.last_seq).toBe(7);
    expect(core.logs.totalBytes()).toBe(5 * (1 + LINE_OVERHEAD));
  });

  it('keeps all logs under the total size, pruning the longest-ended session first', () => {
    const line = 'x'.repeat(1000 - LINE_OVERHEAD); // 1,000 bytes counted per line
    const { core, clock, session } = setup({ maxTotalBytes: 10_000 });
    const active = session('active');
    const endedLate = session('ended-late');
    const endedEarly = session('ended-early');
    core.logs.append(active.id, lines(line, line, line));
    core.logs.append(endedLate.id, lines(line, line, line));
    core.logs.append(endedEarly.id, lines(line, line, line));
    core.sessions.update(endedEarly.id, { status: 'failed' });
    clock.advance(1);
    core.sessions.update(endedLate.id, { status: 'completed' });
    expect(core.logs.totalBytes()).toBe(9_000);

    // 11,000 > 10,000: down to 9,000 at most, the session that ended first going first.
    core.logs.append(active.id, lines(line, line));
    expect(core.logs.list(endedEarly.id).lines).toEqual([]);
    expect(core.logs.list(endedEarly.id).last_seq).toBe(3);
    expect(texts(core.logs.list(endedLate.id))).toHaveLength(3);
    expect(core.logs.list(active.id).lines).toHaveLength(5);
    expect(core.logs.totalBytes()).toBe(8_000);

    // Then the other ended one, then the oldest lines of active sessions.
    core.logs.append(active.id, lines(line, line, line, line, line));
    expect(core.logs.list(endedLate.id).lines).toEqual([]);
    const kept = core.logs.list(active.id);
    expect(kept.last_seq).toBe(10);
    expect(kept.lines.at(-1)?.seq).toBe(10);
    expect(core.logs.totalBytes()).toBeLessThanOrEqual(9_000);
    expect(core.logs.totalBytes()).toBe(kept.lines.length * 1000);
    // A pruned session numbers on where it was.
    expect(core.logs.append(endedEarly.id, lines('late'))).toMatchObject({ first_seq: 4 });
  });

  it('does not prune for the bytes of sessions deleted with their task', () => {
    const { core, session } = setup({ maxTotalBytes: 5_000 });
    const line = 'y'.repeat(1000 - LINE_OVERHEAD);
    const doomed = session('doomed');
    core.logs.append(doomed.id, lines(line, line, line, line));
    // The task goes, its sessions and their logs with it: no pruning of others for its bytes.
    const other = core.tasks.create({ title: 'other' });
    const keep = core.sessions.registerSubagent(other.id, { openclaw_session_id: 'keep' });
    core.tasks.remove(doomed.task_id as string);
    core.logs.append(keep.id, lines(line, line, line, line));
    expect(core.logs.list(keep.id).lines).toHaveLength(4);
    expect(core.logs.totalBytes()).toBe(4_000);
  });
});

describe('session logs, pruning in steps', () => {
  it('prunes at most pruneLines lines per append, oldest ended session first, until under the cap', () => {
    const line = 'z'.repeat(100 - LINE_OVERHEAD); // 100 bytes counted per line
    const { core, session } = setup({ maxTotalBytes: 5_000, pruneLines: 10 });
    const old = session('old');
    const live = session('live');
    core.logs.append(
      old.id,
      Array.from({ length: 40 }, () => ({ text: line, stream: 'stdout' as const })),
    );
    core.sessions.update(old.id, { status: 'completed' });
    core.logs.append(live.id, lines(line)); // 4,100 bytes: under the cap
    expect(core.logs.totalBytes()).toBe(4_100);
    const sizes: number[] = [];
    for (let i = 0; i < 5; i++) {
      core.logs.append(
        live.id,
        Array.from({ length: 15 }, () => ({ text: line, stream: 'stdout' as const })),
      );
      sizes.push(core.logs.list(old.id).lines.length);
    }
    // Each append passes the cap by more than 10 lines free: 10 lines go per append, the ended
    // session's first, then the oldest of the live one; the total lags behind meanwhile.
    expect(sizes).toEqual([30, 20, 10, 0, 0]);
    expect(core.logs.list(old.id).last_seq).toBe(40);
    const kept = core.logs.list(live.id);
    expect(kept.lines).toHaveLength(66);
    expect(kept.lines[0]?.seq).toBe(11);
    expect(core.logs.totalBytes()).toBe(6_600);
  });
});
