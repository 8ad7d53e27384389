// `inbox`: an agent's news (its tasks changing, comments on them, review decisions) after a cursor,
// once or followed by long-poll across server restarts.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StreamEvent } from '../../shared/events.ts';
import { bounded, integer, str, UsageError } from '../args.ts';
import { type ApiClient, ConnectionError } from '../client.ts';
import type { CliCommand } from '../command.ts';
import { eventLine } from '../format.ts';
import type { Output } from '../output.ts';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const DEFAULT_FOLLOW_WAIT_S = 30;
const MAX_BACKOFF_MS = 10_000;

const DETAILS = `
Without --follow: prints the agent's events after --after (one line each; --json: one JSON event
per line), then the cursor to pass as --after next time (--json: a last line {"last_event_id": N}).
Without --after it prints no events, only the current cursor to start from. --wait S (0..60) waits
up to S seconds for at least one event.

With --follow: waits for events again and again (long-poll, --wait S per request, default 30) and
prints each once, until Ctrl-C. It starts at --after, else at the current cursor. A lost connection
(server restart) is retried with backoff and resumes at the cursor, so nothing is missed.

--cursor-file FILE keeps the cursor in FILE: read at start when there is no --after, rewritten after
every answer. A script that runs again later (or a follower that was stopped) resumes where it was.

Exit codes: 0 done; 1 the server refused (unknown agent…); 2 usage; 3 cannot connect at start;
130 / 143 / 129 --follow stopped by Ctrl-C / SIGTERM / SIGHUP.
`;

function readCursor(file: string | undefined): number | undefined {
  if (file === undefined || !existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8').trim();
  if (text === '') return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new UsageError(`${file} does not hold a cursor (an event id), but ${JSON.stringify(text)}`);
  return n;
}

/** Written whole or not at all, so a reader never sees half a number. */
function writeCursor(file: string | undefined, cursor: number): void {
  if (file === undefined) return;
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${cursor}\n`);
  renameSync(temp, file);
}

interface Inbox {
  api: ApiClient;
  out: Output;
  agentId: string;
  cursorFile: string | undefined;
}

export const inboxCommand: CliCommand = {
  words: ['inbox'],
  usage: 'inbox --agent AGENT_ID [--after EVENT_ID] [--follow] [--wait S] [--cursor-file FILE]',
  summary:
    "An agent's news after a cursor: its tasks changing, comments on them, review decisions; " +
    'prints the next cursor. --follow keeps waiting (long-poll) until Ctrl-C',
  details: DETAILS,
  options: {
    agent: { type: 'string' },
    after: { type: 'string' },
    follow: { type: 'boolean' },
    wait: { type: 'string' },
    'cursor-file': { type: 'string' },
  },
  async run({ values, positionals, out, client }) {
    const agentId = str(values.agent);
    if (!agentId) throw new UsageError('missing --agent AGENT_ID');
    if (positionals.length > 0) throw new UsageError('inbox takes no arguments (--agent, --after)');
    const follow = values.follow === true;
    const waitS = follow
      ? (bounded(values.wait, 'wait', 1, 60) ?? DEFAULT_FOLLOW_WAIT_S)
      : (bounded(values.wait, 'wait', 0, 60) ?? 0);
    const cursorFile = str(values['cursor-file']);
    const after = integer(values.after, 'after') ?? readCursor(cursorFile);
    const inbox: Inbox = { api: client(), out, agentId, cursorFile };
    return follow ? followInbox(inbox, after, waitS) : readOnce(inbox, after, waitS);
  },
};

async function readOnce(inbox: Inbox, after: number | undefined, waitS: number): Promise<number> {
  const { api, out, agentId, cursorFile } = inbox;
  const answer = await api.call('agents.inbox', { id: agentId, after, wait_s: waitS });
  for (const event of answer.events) out.result(event as StreamEvent, eventLine);
  writeCursor(cursorFile, answer.last_event_id);
  const next = { last_event_id: answer.last_event_id };
  out.result(next, (n) =>
    answer.events.length === 0 && after === undefined
      ? `cursor ${n.last_event_id} (start with --after ${n.last_event_id})`
      : `${answer.events.length} event(s); next --after ${n.last_event_id}`,
  );
  return 0;
}

async function followInbox(inbox: Inbox, start: number | undefined, waitS: number): Promise<number> {
  const { out, cursorFile } = inbox;
  const stopper = new AbortController();
  const { signal } = stopper;
  const onSignal = (name: NodeJS.Signals) => stopper.abort(name);
  for (const name of STOP_SIGNALS) process.on(name, onSignal);
  // Where a resume starts: undefined until the first cursor is known.
  const state: { cursor: number | undefined } = { cursor: start };
  try {
    await follow(inbox, state, waitS, signal);
  } catch (error) {
    if (!signal.aborted) throw error;
  } finally {
    for (const name of STOP_SIGNALS) process.off(name, onSignal);
  }
  if (state.cursor !== undefined) {
    writeCursor(cursorFile, state.cursor);
    out.note(`stopped; resume with --after ${state.cursor}`);
  }
  return 128 + (constants.signals[signal.reason as NodeJS.Signals] ?? constants.signals.SIGINT);
}

async function follow(
  { api, out, agentId, cursorFile }: Inbox,
  state: { cursor: number | undefined },
  waitS: number,
  signal: AbortSignal,
): Promise<void> {
  // Connection failures before the server first answered are the caller's mistake (exit 3);
  // later ones are a restart, retried.
  let connected = state.cursor === undefined;
  let cursor =
    state.cursor ?? (await api.call('agents.inbox', { id: agentId, wait_s: 0 }, { signal })).last_event_id;
  state.cursor = cursor;
  out.note(`following the inbox of ${agentId} after #${cursor}`);
  let backoff = 500;
  let lost = false;
  while (!signal.aborted) {
    try {
      const answer = await api.call(
        'agents.inbox',
        { id: agentId, after: cursor, wait_s: waitS },
        { signal },
      );
      if (lost) out.note(`reconnected; resuming after #${cursor}`);
      [connected, lost, backoff] = [true, false, 500];
      const from = cursor;
      for (const event of answer.events) if (event.id > from) out.result(event as StreamEvent, eventLine);
      cursor = answer.last_event_id;
      state.cursor = cursor;
      writeCursor(cursorFile, cursor);
    } catch (error) {
      if (signal.aborted) return;
      if (!(error instanceof ConnectionError) || !connected) throw error;
      out.note(`connection lost; retrying in ${backoff} ms`);
      lost = true;
      await sleep(backoff, undefined, { signal }).catch(() => {});
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }
}
