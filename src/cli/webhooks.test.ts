// `webhook add|list|rm|deliveries|test` as real processes against a real server and a real receiver.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../core/testing/harness.ts';
import { type Receiver, startReceiver } from '../core/testing/webhook-receiver.ts';
import type { Webhook, WebhookDelivery, WebhookWithSecret } from '../shared/webhooks.ts';
import { cli } from './test-bin.ts';

let srv: TestServer;
let receiver: Receiver;
beforeEach(async () => {
  srv = await startTestServer();
  receiver = await startReceiver();
});
afterEach(async () => {
  await receiver.close();
  await srv.close();
});

const run = (args: string[]) => cli(srv.url, args);
async function json<T>(args: string[]): Promise<T> {
  const r = await run([...args, '--json']);
  expect(r, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(r.stdout) as T;
}

describe('mission-control webhook', () => {
  it('adds (secret printed once), lists without secrets, shows deliveries, tests and removes', async () => {
    const dev = srv.core.agents.create({ name: 'Developer' });
    const human = await run([
      'webhook',
      'add',
      receiver.url,
      '--agent',
      dev.id,
      '--events',
      'task_created,task_updated',
    ]);
    expect(human.code).toBe(0);
    const secret = /whsec_\S+/.exec(human.stdout)?.[0] ?? '';
    expect(human.stdout).toContain('shown only now');
    const [hook] = await json<Webhook[]>(['webhook', 'list']);
    expect(hook).toMatchObject({
      url: receiver.url,
      agent_id: dev.id,
      events: ['task_created', 'task_updated'],
    });
    expect(JSON.stringify(hook)).not.toContain(secret);
    expect((await run(['webhook', 'list'])).stdout).toContain(`${hook?.id}  on`);

    srv.core.tasks.create({ title: 'For the runner', assigned_agent_id: dev.id });
    srv.core.tasks.create({ title: 'Not for it' });
    await receiver.until((r) => r.accepted.length === 1);
    receiver.verifyAll(secret);
    await srv.core.webhooks.engine.idle();
    const attempts = await json<WebhookDelivery[]>(['webhook', 'deliveries', hook?.id ?? '', '--limit', '5']);
    expect(attempts).toMatchObject([{ type: 'task_created', status_code: 200, error: null }]);
    expect((await run(['webhook', 'deliveries', hook?.id ?? ''])).stdout).toMatch(/task_created\s+\d+\s+200/);

    const ping = await run(['webhook', 'test', hook?.id ?? '']);
    expect(ping.code).toBe(0);
    expect(ping.stdout).toContain('ping');
    expect((await run(['webhook', 'rm', hook?.id ?? ''])).stdout).toBe(`Removed webhook ${hook?.id}\n`);
    expect(await json<Webhook[]>(['webhook', 'list'])).toEqual([]);
  });

  it('exits 1 when the server refuses, 2 for usage', async () => {
    const refused = await run(['webhook', 'add', 'ftp://example.com/x', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr)).toMatchObject({ status: 422, error: { code: 'unprocessable' } });
    expect((await run(['webhook', 'rm', 'nope'])).code).toBe(1);
    expect((await run(['webhook', 'add'])).code).toBe(2);
    expect((await run(['webhook', 'add', receiver.url, '--events', 'no_such_event'])).code).toBe(2);
    expect((await run(['webhook', 'deliveries', 'x', '--limit', '0'])).code).toBe(2);
    expect((await run(['webhook', 'rm'])).code).toBe(2);
    const created = await json<WebhookWithSecret>(['webhook', 'add', receiver.url]);
    expect(created.secret).toMatch(/^whsec_/);
  });
});
