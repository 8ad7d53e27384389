// The session-log section of docs/BENCHMARKS.md; its own file keeps markdown.ts under 300 lines.
import { table } from './format.ts';
import type { Results } from './results.ts';

export function logsSection(l: NonNullable<Results['logs']>): string {
  return [
    '## Session logs',
    '',
    'Append: `POST /api/openclaw/sessions/:id/logs` with batches of 100 lines (~80 bytes each) back to back over',
    'keep-alive connections (the server as a child process), one connection on one session, then four on four;',
    "next to task creates on one connection in the same run. Line → viewer: a follower on the session's log stream",
    '(`GET …/logs/stream?tail=0`, a raw SSE socket) and one-line appends; measured from sending the append to the',
    `line's frame on the stream, over ${l.rounds} rounds, next to the append's own round trip.`,
    '',
    table(
      ['figure', 'value', 'compared with'],
      [
        ...l.append.map((a) => [
          `log append, ${a.connections} connection${a.connections > 1 ? 's' : ''}`,
          `${a.linesPerSecond.toLocaleString('en-US')} lines/s`,
          `batch round trip p50 ${a.batch.p50} ms / p99 ${a.batch.p99} ms; task creates ${l.createsPerSecond}/s on 1 connection`,
        ]),
        [
          'line → viewer p50 / p99',
          `${l.toViewer.p50} / ${l.toViewer.p99} ms`,
          `append round trip ${l.appendRoundTrip.p50} / ${l.appendRoundTrip.p99} ms`,
        ],
      ],
    ),
  ].join('\n');
}
