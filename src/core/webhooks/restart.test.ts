// The real server process and a receiver that is down while the server restarts: once both are back,
// the receiver gets everything it missed, in order, within 5 s of the start.
import { afterEach, expect, it } from 'vitest';
import { startServe, stopServes } from '../testing/serve-process.ts';
import { type Receiver, startReceiver } from '../testing/webhook-receiver.ts';

const receivers: Receiver[] = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
  stopServes();
});

it('delivers what a receiver missed while it and the server were down, in order, soon after both are back', async () => {
  const first = await startServe('src/core/serve.ts');
  let output = '';
  const listen = (child: typeof first.child) => {
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
  };
  listen(first.child);
  const api = async (url: string, path: string, json: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(json),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; secret: string };
  };
  let receiver = await startReceiver();
  receivers.push(receiver);
  const { port } = receiver;
  const hook = await api(first.url, '/api/webhooks', { url: receiver.url, events: ['task_created'] });
  await api(first.url, '/api/tasks', { title: 'seen live' });
  await receiver.until((r) => r.accepted.length === 1);

  await receiver.close();
  receivers.length = 0;
  for (const title of ['missed 1', 'missed 2', 'missed 3']) await api(first.url, '/api/tasks', { title });
  await new Promise((r) => setTimeout(r, 1500)); // a few refused attempts, a backoff pending
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);

  receiver = await startReceiver(port);
  receivers.push(receiver);
  const second = await startServe('src/core/serve.ts', first.dir);
  listen(second.child);
  // Within 5 s of the server listening again (its pending retry is tried at start).
  await receiver.until((r) => r.accepted.length === 3, 5000);
  await api(second.url, '/api/tasks', { title: 'after' });
  await receiver.until((r) => r.accepted.length === 4);
  expect(receiver.accepted.map((r) => r.json.data.title)).toEqual([
    'missed 1',
    'missed 2',
    'missed 3',
    'after',
  ]);
  const ids = receiver.accepted.map((r) => Number(r.json.id));
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  receiver.verifyAll(hook.secret);
  second.child.kill('SIGTERM');
  await second.exited;
  // Nothing the server printed (either run) carries the secret.
  expect(output).not.toContain(hook.secret.slice('whsec_'.length));
}, 30_000);

it('re-sends, in order and with the same webhook-id, what was accepted but not yet written when the server was killed', async () => {
  const first = await startServe('src/core/serve.ts');
  const receiver = await startReceiver();
  receivers.push(receiver);
  const post = async (url: string, token: string, path: string, json: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(json),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { secret: string };
  };
  const hook = await post(first.url, first.token, '/api/webhooks', {
    url: receiver.url,
    events: ['task_created'],
  });
  const titles = Array.from({ length: 40 }, (_, i) => `task ${i}`);
  for (const title of titles) await post(first.url, first.token, '/api/tasks', { title });
  // Killed while answers keep arriving: some accepted attempts are still waiting for their window.
  await receiver.until((r) => r.accepted.length >= 10);
  first.child.kill('SIGKILL');
  await first.exited;
  const killedAfter = receiver.accepted.length;

  const second = await startServe('src/core/serve.ts', first.dir);
  await receiver.until((r) => new Set(r.accepted.map((a) => a.json.id)).size === titles.length, 10_000);
  const ids = receiver.accepted.map((a) => Number(a.json.id));
  // Nothing lost, each event in order; a repeat is only ever of what came just before the kill.
  expect([...new Set(ids)]).toEqual([...new Set(ids)].sort((a, b) => a - b));
  expect([...new Set(receiver.accepted.map((a) => a.json.data.title))]).toEqual(titles);
  const beforeKill = new Set(ids.slice(0, killedAfter));
  const repeated = ids
    .slice(killedAfter)
    .filter((id, i, after) => beforeKill.has(id) || after.indexOf(id) < i);
  expect(repeated.every((id) => beforeKill.has(id))).toBe(true);
  for (const a of receiver.accepted) expect(a.headers['webhook-id']).toBe(String(a.json.id));
  receiver.verifyAll(hook.secret);
  second.child.kill('SIGTERM');
  await second.exited;
}, 30_000);
