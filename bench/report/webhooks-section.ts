// The webhooks section of docs/BENCHMARKS.md; its own file keeps markdown.ts under 300 lines.
import { table } from './format.ts';
import type { Results } from './results.ts';

export function webhooksSection(w: NonNullable<Results['webhooks']>): string {
  const cost = (n: number) => w.writeCost.find((c) => c.webhooks === n);
  const path = (n: number) => w.writePath.find((p) => p.webhooks === n);
  const none = cost(0);
  const ten = cost(10);
  return [
    '## Webhooks',
    '',
    'The server as a child process, receivers in the bench process on loopback (answering 204 at once).',
    `Event → receiver: one webhook, a task create then its \`task_created\` request at the receiver, ${w.rounds}`,
    "rounds, next to the create's own round trip. Drain: 10 webhooks, the creates sent on 16 connections, until",
    'every receiver had every event. Write cost: task creates on 1 and on 16 connections, with 0 and with 10',
    'webhooks (fresh servers, same run). Write path: creates in process, in one synchronous loop (delivery',
    'never runs inside a write), µs per create with 0 and 10 enabled webhooks.',
    '',
    table(
      ['figure', 'value', 'compared with'],
      [
        [
          'event → receiver p50 / p99',
          `${w.toReceiver.p50} / ${w.toReceiver.p99} ms`,
          `create round trip ${w.createRoundTrip.p50} / ${w.createRoundTrip.p99} ms`,
        ],
        [
          `drain, ${w.drain.webhooks} webhooks × ${w.drain.events} events`,
          `${w.drain.eventsPerSecond} events/s (${w.drain.eventsPerSecond * w.drain.webhooks} deliveries/s)`,
          `the ${w.drain.events} creates took ${w.drain.writeSeconds} s; all delivered after ${w.drain.seconds} s`,
        ],
        ...(none && ten
          ? [
              [
                'creates/s, 1 connection, 10 webhooks',
                `${ten.oneConnection.rps}/s (p50 ${ten.oneConnection.latency.p50} ms)`,
                `0 webhooks: ${none.oneConnection.rps}/s (p50 ${none.oneConnection.latency.p50} ms)`,
              ],
              [
                'creates/s, 16 connections, 10 webhooks',
                `${ten.sixteenConnections.rps}/s (p99 ${ten.sixteenConnections.latency.p99} ms)`,
                `0 webhooks: ${none.sixteenConnections.rps}/s (p99 ${none.sixteenConnections.latency.p99} ms)`,
              ],
            ]
          : []),
        [
          'write path, 10 webhooks',
          `${path(10)?.usPerCreate} µs per create`,
          `0 webhooks: ${path(0)?.usPerCreate} µs per create`,
        ],
      ],
    ),
    '',
    'Delivery runs after the write committed, never in its transaction or its request; but it shares the',
    "server's one thread: ten webhooks send ten requests and write ten attempt rows per event, which under a",
    'saturating load takes CPU the creates would otherwise have.',
  ].join('\n');
}
