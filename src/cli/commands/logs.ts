// `logs SESSION [--follow]`: a session's log; following, the live log stream, resumed by seq.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiErrorBody } from '../../shared/api.ts';
import { LOG_LIMITS, LOG_STREAM_ENDED, type LogLine } from '../../shared/logs.ts';
import { bounded, UsageError } from '../args.ts';
import { type ApiClient, ApiError, describeFetchError } from '../client.ts';
import type { CliCommand } from '../command.ts';
import type { Output } from '../output.ts';

const MAX_BACKOFF_MS = 10_000;

/** Human output: the text as the command wrote it, stderr lines to stderr, run's own lines as notes. */
function print(out: Output, line: LogLine): void {
  if (out.json) out.result(line, () => '');
  else if (line.stream === 'stdout') process.stdout.write(`${line.text}\n`);
  else if (line.stream === 'stderr') process.stderr.write(`${line.text}\n`);
  else out.note(`[${line.at}] ${line.text}`);
}

async function printKept(api: ApiClient, out: Output, id: string, tail: number | undefined) {
  let after = 0;
  if (tail !== undefined) {
    const { last_seq } = await api.call('logs.list', { id, limit: 1 });
    after = Math.max(0, last_seq - tail);
  }
  for (;;) {
    const page = await api.call('logs.list', { id, after_seq: after, limit: LOG_LIMITS.readLines });
    for (const line of page.lines) print(out, line);
    const last = page.lines.at(-1);
    if (!last || last.seq >= page.last_seq) return;
    after = last.seq;
  }
}

/** Reads one connection of the log stream; answers whether the session ended. */
async function readStream(body: ReadableStream<Uint8Array>, onLine: (line: LogLine) => void) {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data = line.slice(6);
      }
      if (event === LOG_STREAM_ENDED) return true;
      if (data) onLine(JSON.parse(data) as LogLine);
    }
  }
  return false;
}

async function follow(api: ApiClient, out: Output, id: string, tail: number | undefined): Promise<number> {
  const base = `${api.target.url}/api/openclaw/sessions/${encodeURIComponent(id)}/logs/stream`;
  let lastSeq: number | null = null;
  let backoff = 500;
  for (let connected = false; ; ) {
    const url = lastSeq === null ? `${base}?tail=${tail ?? LOG_LIMITS.defaultTail}` : base;
    const headers = api.headers(lastSeq === null ? {} : { 'last-event-id': String(lastSeq) });
    let res: Response;
    try {
      res = await fetch(url, { headers });
    } catch (error) {
      if (!connected) throw describeFetchError(error, api.target.url);
      await sleep(backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      continue;
    }
    if (!res.ok || !res.body) {
      const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
      throw new ApiError(res.status, body, `HTTP ${res.status}`);
    }
    connected = true;
    backoff = 500;
    const ended = await readStream(res.body, (line) => {
      lastSeq = line.seq;
      print(out, line);
    }).catch(() => false);
    if (ended) {
      await res.body.cancel().catch(() => {});
      out.note('session ended');
      return 0;
    }
    await sleep(backoff);
  }
}

export const logsCommand: CliCommand = {
  words: ['logs'],
  usage: 'logs SESSION_ID [--follow] [--tail N]',
  summary:
    "Print a session's log (its command's stdout to stdout, stderr to stderr; --json: one line object " +
    'per line); --follow: then every new line until the session ends; --tail N: only the last N first',
  options: { follow: { type: 'boolean', short: 'f' }, tail: { type: 'string' } },
  async run({ values, positionals, out, client }) {
    const id = positionals[0];
    if (!id || positionals.length > 1) throw new UsageError('logs takes one SESSION_ID');
    const tail = bounded(values.tail, 'tail', 0, LOG_LIMITS.sessionLines);
    const api = client();
    if (values.follow === true) return follow(api, out, id, tail);
    await printKept(api, out, id, tail);
    return 0;
  },
};
