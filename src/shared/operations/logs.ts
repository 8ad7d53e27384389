// Session logs: what a session printed, appended in batches and read by seq (the live stream is
// the fixed route GET /api/openclaw/sessions/:id/logs/stream, src/core/http/routes/logs.ts).
import { z } from 'zod';
import { Id } from '../inputs.ts';
import { LOG_LIMITS, LogAppendResult, LogLineInput, LogPage } from '../logs.ts';
import { defineOperation } from '../operation.ts';

const tag = 'sessions';
const at = '2026-03-01T10:05:00.000Z';

export const logOperations = {
  'logs.append': defineOperation({
    input: z.strictObject({
      id: Id.describe('The session: our id or its openclaw_session_id'),
      lines: z.array(LogLineInput).min(1).max(LOG_LIMITS.batchLines),
    }),
    output: LogAppendResult,
    access: 'write',
    http: { method: 'POST', path: '/api/openclaw/sessions/:id/logs', status: 201 },
    mcp: { omit: 'run ships a command’s output itself; other runtimes POST their output over HTTP' },
    ipc: { omit: 'The desktop window is the operator, not a session' },
    docs: {
      tag,
      id: 'appendSessionLogs',
      summary: 'Append lines to a session log',
      description:
        `1 to ${LOG_LIMITS.batchLines} lines, each at most ${LOG_LIMITS.lineBytes} bytes of UTF-8 ` +
        '(`stream` stdout by default, `at` the time of arrival by default). They get the next `seq` ' +
        'numbers of the session, from 1, without gaps. An ended session takes lines for ' +
        `${LOG_LIMITS.endedGraceS} s after it ended (output still draining), then answers 409 ` +
        '`session_ended`. Lines do not go to the event stream.',
      body: {
        lines: [
          { text: 'npm test', stream: 'info' },
          { text: 'ok 1 - parses', at },
        ],
      },
      result: { first_seq: 41, last_seq: 42 },
      errors: [400, 404, 409],
    },
  }),
  'logs.list': defineOperation({
    input: z.object({
      id: Id,
      /** Lines after this seq (0: from the oldest kept). */
      after_seq: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
      limit: z.coerce.number().int().min(1).max(LOG_LIMITS.readLines).default(LOG_LIMITS.readLines),
    }),
    output: LogPage,
    access: 'read',
    http: { method: 'GET', path: '/api/openclaw/sessions/:id/logs', status: 200 },
    mcp: { omit: 'The operator reads logs on the board; an agent has its own output' },
    ipc: true,
    docs: {
      tag,
      id: 'listSessionLogs',
      summary: 'Read a session log',
      description:
        'Lines after `after_seq`, oldest first, at most `limit`; `last_seq` is the newest line of the ' +
        'session, so a page whose last line is below it has more after it. Lines dropped by retention ' +
        'are skipped (the first line may have a seq above `after_seq` + 1).',
      result: {
        lines: [
          { seq: 41, stream: 'info', text: 'npm test', at },
          { seq: 42, stream: 'stdout', text: 'ok 1 - parses', at },
        ],
        last_seq: 42,
      },
      errors: [400, 404],
    },
  }),
};
