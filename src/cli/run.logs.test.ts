// `mission-control run` ships its command's output to the session log: real processes, real server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../core/testing/harness.ts';
import type { Agent } from '../shared/entities.ts';
import type { LogLine } from '../shared/logs.ts';
import { Bin, cli } from './test-bin.ts';

let srv: TestServer;
let agent: Agent;
const bins: Bin[] = [];
beforeEach(async () => {
  srv = await startTestServer();
  agent = srv.core.agents.create({ name: 'Worker' });
});
afterEach(async () => {
  for (const bin of bins.splice(0)) bin.child.kill('SIGKILL');
  await srv.close();
});

const run = (script: string) => {
  const b = new Bin(srv.url, [
    'run',
    '--agent',
    agent.id,
    '--once',
    '--wait',
    '0',
    '--',
    process.execPath,
    '-e',
    script,
  ]);
  bins.push(b);
  return b;
};
const sessionOf = (taskId: string) => srv.core.sessions.list({ task_id: taskId })[0];
function logOf(sessionId: string): LogLine[] {
  const lines: LogLine[] = [];
  for (let after = 0; ; ) {
    const page = srv.core.logs.list(sessionId, after, 1000);
    if (page.lines.length === 0) return lines;
    lines.push(...page.lines);
    after = page.lines.at(-1)?.seq ?? after;
  }
}
const texts = (lines: LogLine[], stream: string) =>
  lines.filter((l) => l.stream === stream).map((l) => l.text);

describe('run → session log', () => {
  it('splits stdout and stderr into lines (partial writes, \\r\\n, 16 KB pieces) and still passes them through', async () => {
    const task = srv.core.tasks.create({ title: 'Print' });
    const script = `
      const out = (s) => process.stdout.write(s);
      out('hel'); setTimeout(() => { out('lo\\r\\nwor'); setTimeout(() => {
        out('ld\\n' + 'x'.repeat(40000) + '\\n');
        process.stderr.write('warn 1\\nwarn 2\\n');
        out('no newline at the end');
      }, 150); }, 150);`;
    const b = run(script);
    expect(await b.exited).toBe(0);
    expect(b.stdout).toBe(`hello\r\nworld\n${'x'.repeat(40000)}\nno newline at the end`);
    expect(b.stderr).toContain('warn 1\nwarn 2\n');

    const session = sessionOf(task.id);
    expect(session?.status).toBe('completed');
    const log = logOf(session?.id as string);
    expect(log.map((l) => l.seq)).toEqual(log.map((_, i) => i + 1));
    expect(texts(log, 'stdout')).toEqual([
      'hello',
      'world',
      'x'.repeat(16384),
      'x'.repeat(16384),
      'x'.repeat(40000 - 2 * 16384),
      'no newline at the end',
    ]);
    expect(texts(log, 'stderr')).toEqual(['warn 1', 'warn 2']);
    expect(texts(log, 'info')).toEqual([
      expect.stringMatching(/^run: .* \(pid \d+\) for task /),
      expect.stringMatching(/^run: session completed after /),
    ]);
  });

  it('ships lines while the command runs, well before it exits', async () => {
    const task = srv.core.tasks.create({ title: 'Slow' });
    const script = `let i = 0; const t = setInterval(() => { console.log('tick ' + ++i); if (i === 30) { clearInterval(t); } }, 100);`;
    const b = run(script);
    const deadline = Date.now() + 10_000;
    let seenAt = 0;
    for (;;) {
      const session = sessionOf(task.id);
      if (session && texts(logOf(session.id), 'stdout').includes('tick 3')) {
        seenAt = Date.now();
        expect(session.status).toBe('active');
        break;
      }
      if (Date.now() > deadline) throw new Error(`tick 3 never arrived; ${b.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await b.exited).toBe(0);
    expect(seenAt).toBeGreaterThan(0);
    const log = logOf(sessionOf(task.id)?.id as string);
    expect(texts(log, 'stdout')).toEqual(Array.from({ length: 30 }, (_, i) => `tick ${i + 1}`));
  });

  it('ships each line about 100 ms after it was printed at most', async () => {
    const task = srv.core.tasks.create({ title: 'Timed' });
    const script = `let i = 0; const t = setInterval(() => { console.log(String(Date.now())); if (++i === 20) clearInterval(t); }, 100);`;
    const b = run(script);
    let session = sessionOf(task.id);
    while (!session) {
      await new Promise((r) => setTimeout(r, 2));
      session = sessionOf(task.id);
    }
    const lags: number[] = [];
    const stop = srv.core.logs.subscribe(session.id, (batch) => {
      const now = Date.now();
      for (const line of batch) if (/^\d+$/.test(line.text)) lags.push(now - Number(line.text));
    });
    expect(await b.exited).toBe(0);
    stop();
    lags.sort((x, y) => x - y);
    // The first lines may have been printed before the listener came: judge the ones it heard.
    expect(lags.length).toBeGreaterThanOrEqual(15);
    const median = lags[Math.floor(lags.length / 2)] as number;
    expect(median).toBeLessThanOrEqual(150);
    expect(lags.at(-1)).toBeLessThan(1000);
  });

  it('loses nothing a command writes just before it exits, in batches of at most 1,000', async () => {
    const task = srv.core.tasks.create({ title: 'Burst' });
    const script = `let s = ''; for (let i = 1; i <= 5000; i++) s += 'burst ' + i + '\\n'; process.stdout.write(s); process.stderr.write('bye'); process.exitCode = 1;`;
    const b = run(script);
    expect(await b.exited).toBe(1);
    const session = sessionOf(task.id);
    expect(session?.status).toBe('failed');
    const log = logOf(session?.id as string);
    expect(texts(log, 'stdout')).toEqual(Array.from({ length: 5000 }, (_, i) => `burst ${i + 1}`));
    expect(texts(log, 'stderr')).toEqual(['bye']);
    // Every line was in before the session ended.
    expect(log.every((l) => l.at <= (session?.ended_at as string))).toBe(true);
  });
});

describe('mission-control logs', () => {
  it('prints a session log (stdout to stdout, stderr to stderr; --tail, --json)', async () => {
    const task = srv.core.tasks.create({ title: 'Read' });
    const session = srv.core.sessions.registerSubagent(task.id, { openclaw_session_id: 'oc-read' });
    srv.core.logs.append(session.id, [
      { text: 'one', stream: 'stdout' },
      { text: 'two', stream: 'stderr' },
      { text: 'three', stream: 'stdout' },
    ]);
    const all = await cli(srv.url, ['logs', 'oc-read']);
    expect(all).toMatchObject({ code: 0, stdout: 'one\nthree\n', stderr: 'two\n' });
    const tail = await cli(srv.url, ['logs', session.id, '--tail', '1', '--json']);
    expect(JSON.parse(tail.stdout)).toMatchObject({ seq: 3, stream: 'stdout', text: 'three' });
    expect((await cli(srv.url, ['logs', 'ghost'])).code).toBe(1);
  });

  it('--follow prints new lines as they come and exits when the session ends', async () => {
    const task = srv.core.tasks.create({ title: 'Follow' });
    const session = srv.core.sessions.registerSubagent(task.id, { openclaw_session_id: 'oc-follow' });
    srv.core.logs.append(session.id, [{ text: 'before', stream: 'stdout' }]);
    const b = new Bin(srv.url, ['logs', session.id, '--follow']);
    bins.push(b);
    await b.until((x) => x.stdout === 'before\n');
    srv.core.logs.append(session.id, [{ text: 'after', stream: 'stdout' }]);
    await b.until((x) => x.stdout === 'before\nafter\n');
    srv.core.sessions.update(session.id, { status: 'completed' });
    expect(await b.exited).toBe(0);
  });
});
