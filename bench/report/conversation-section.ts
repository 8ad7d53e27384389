// Section 8 of docs/BENCHMARKS.md (the human in the loop); its own file keeps markdown.ts under 300 lines.
import { table } from './format.ts';
import type { Results } from './results.ts';

export function conversationSection(c: NonNullable<Results['conversation']>): string {
  return [
    '## 8. Human in the loop',
    '',
    `Inbox wake: an agent's \`GET /api/agents/:id/inbox?after=…&wait_s=10\` waits (the server as a child process),`,
    'then another connection approves a task of that agent in review (`POST /api/tasks/:id/review`); measured from',
    `sending the approve to the inbox answer carrying \`review_decided\`, over ${c.rounds} rounds, next to the approve's`,
    "own round trip and a create's round trip in the same rounds. Attention: `core.attention.list()` in process on",
    'a board built through the domain: a tenth of the tasks in review, one in fifty with a stale session, one in a',
    'hundred handed back by lease expiry, the rest spread over the other columns.',
    '',
    table(
      ['figure', 'value', 'ceiling / note'],
      [
        [
          'inbox wake on approve p50 / p99',
          `${c.wake.p50} / ${c.wake.p99} ms`,
          `approve round trip ${c.reviewRoundTrip.p50} / ${c.reviewRoundTrip.p99} ms; create round trip ` +
            `${c.createRoundTrip.p50} / ${c.createRoundTrip.p99} ms`,
        ],
        ...c.attention.map((l) => [
          `attention list at ${l.tasks.toLocaleString('en-US')} tasks p50 / p95`,
          `${l.list.p50} / ${l.list.p95} ms`,
          `${l.items} items (${l.review} in review, ${l.staleSessions} stale sessions, ${l.expiredLeases} expired leases)`,
        ]),
      ],
    ),
  ].join('\n');
}
