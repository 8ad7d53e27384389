// Runs fuzzed requests against a real app over a temp database and checks every answer and the DB after.
import { request } from 'node:http';
import fc from 'fast-check';
import { startServer } from '../../src/core/server.ts';
import { TEST_TOKEN, testCore } from '../../src/core/testing/harness.ts';
import { type FuzzRequest, type KnownIds, requestArb } from './arbitraries.ts';

export interface FuzzReport {
  cases: number;
  serverErrors: number;
  byStatus: Record<number, number>;
  integrity: string;
  foreignKeyViolations: number;
  prototypePolluted: boolean;
  ms: number;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** What is wrong with an answer, or null: only JSON 4xx and well-formed 2xx, never 5xx. */
export function problemWith(req: FuzzRequest, answer: Answer): string | null {
  const { status, headers, body } = answer;
  if (status >= 500) return `server error ${status}: ${body.slice(0, 300)}`;
  if (status < 200 || (status >= 300 && status < 400)) return `unexpected status ${status}`;
  const type = String(headers['content-type'] ?? '');
  if (req.method === 'HEAD' || status === 204) return null;
  const path = req.url.split(/[?#]/)[0] ?? '';
  const isApi = path.startsWith('/api') || path === '/mcp';
  if (type.startsWith('text/event-stream')) return status === 200 ? null : `stream with ${status}`;
  if (status >= 400 || isApi) {
    if (!type.startsWith('application/json')) return `${status} answered as ${type || 'no type'}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return `${status} with a body that is not JSON`;
    }
    if (status >= 400) {
      const error = (parsed as { error?: { code?: unknown; message?: unknown } })?.error;
      // MCP speaks JSON-RPC: its protocol errors carry a numeric code.
      const codeOk = typeof error?.code === 'string' || (path === '/mcp' && typeof error?.code === 'number');
      if (!codeOk || typeof error?.message !== 'string')
        return `${status} without { error: { code, message } }: ${body.slice(0, 200)}`;
    }
  }
  return null;
}

/**
 * Over a real socket: the stream (it never ends: read the head, then hang up) and path tricks,
 * which inject would normalise before the server sees them.
 */
function socketRequest(port: number, req: FuzzRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // Node's client sends a DELETE body without a length; declare it, as a real client would.
    const length =
      req.payload === undefined ? {} : { 'content-length': String(Buffer.byteLength(req.payload)) };
    const headers = { ...req.headers, ...length };
    const r = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers, agent: false });
    r.setTimeout(5000, () => r.destroy(new Error(`no answer to ${req.method} ${req.url}`)));
    r.on('error', reject);
    r.on('response', (res) => {
      const chunks: Buffer[] = [];
      const done = () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        });
        r.destroy();
      };
      if (String(res.headers['content-type']).startsWith('text/event-stream')) return done();
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', done);
    });
    r.end(req.payload);
  });
}

const needsSocket = (url: string) =>
  url.startsWith('/api/events/stream') || /\/\.|%2|\/\/|[#;]/i.test(url.split('?')[0] ?? '');

async function seed(core: ReturnType<typeof testCore>['core'], ids: KnownIds): Promise<void> {
  while (ids.agents.length < 8)
    ids.agents.push(core.agents.create({ name: `agent ${ids.agents.length}` }).id);
  while (ids.tasks.length < 12) {
    const task = core.tasks.create({ title: `task ${ids.tasks.length}`, assigned_agent_id: ids.agents[0] });
    ids.tasks.push(task.id);
    const session = core.sessions.registerSubagent(task.id, { openclaw_session_id: `s-${task.id}` });
    ids.sessions.push(session.id);
  }
}

/** Drops ids whose rows a fuzzed DELETE (or cascade) removed, and tops the lists up. */
async function refresh(core: ReturnType<typeof testCore>['core'], ids: KnownIds): Promise<void> {
  const live = (table: string, list: string[]) => {
    const rows = core.db.prepare(`SELECT id FROM ${table}`).pluck().all() as string[];
    const keep = new Set(rows);
    list.splice(0, list.length, ...list.filter((id) => keep.has(id)));
  };
  live('tasks', ids.tasks);
  live('agents', ids.agents);
  live('openclaw_sessions', ids.sessions);
  await seed(core, ids);
}

/** The default report prints whole megabyte bodies; this one keeps the failure readable. */
function reportShort(details: fc.RunDetails<[FuzzRequest]>): void {
  if (!details.failed) return;
  const [req] = details.counterexample ?? [];
  const shown = JSON.stringify(req, (_k, v) =>
    typeof v === 'string' && v.length > 300 ? `${v.slice(0, 300)}…(${v.length})` : v,
  );
  const cause =
    details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `fuzz failed (seed ${details.seed}, path "${details.counterexamplePath}") on ${shown}: ${cause}`,
  );
}

export async function fuzzApi(options: { runs: number; seed: number }): Promise<FuzzReport> {
  const started = Date.now();
  const temp = testCore();
  // The brake would turn every later case into 429 after 20 token-less ones; it has its own test.
  // A listening server, so the LAN switch is attached; it may only ever open a loopback address.
  const app = await startServer({
    core: temp.core,
    token: TEST_TOKEN,
    host: '127.0.0.1',
    port: 0,
    lanAddresses: ['127.0.0.3'],
    failedAuth: { limit: 1e9, windowMs: 1 },
    logger: process.env.FUZZ_LOG === '1',
  });
  const port = app.port;
  const ids: KnownIds = { tasks: [], agents: [], sessions: [] };
  await seed(temp.core, ids);
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).length;
  const report: FuzzReport = {
    cases: 0,
    serverErrors: 0,
    byStatus: {},
    integrity: '',
    foreignKeyViolations: 0,
    prototypePolluted: false,
    ms: 0,
  };
  try {
    await fc.assert(
      fc.asyncProperty(requestArb(ids, TEST_TOKEN), async (req) => {
        const answer = needsSocket(req.url)
          ? await socketRequest(port, req)
          : await app.fastify
              .inject({
                method: req.method as 'GET',
                url: req.url,
                headers: req.headers,
                payload: req.payload,
              })
              .then((res) => ({ status: res.statusCode, headers: res.headers, body: res.body }));
        report.cases += 1;
        report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
        if (answer.status >= 500) report.serverErrors += 1;
        if (req.method === 'DELETE' && answer.status === 200) await refresh(temp.core, ids);
        const problem = problemWith(req, answer);
        if (problem) throw new Error(`${req.method} ${req.url.slice(0, 200)} → ${problem}`);
      }),
      { numRuns: options.runs, seed: options.seed, endOnFailure: true, reporter: reportShort },
    );
  } finally {
    report.integrity = String(temp.core.db.pragma('integrity_check', { simple: true }));
    report.foreignKeyViolations = (temp.core.db.pragma('foreign_key_check') as unknown[]).length;
    report.prototypePolluted =
      Object.getOwnPropertyNames(Object.prototype).length !== prototypeKeys ||
      ({} as Record<string, unknown>).polluted !== undefined;
    report.ms = Date.now() - started;
    await app.close();
    temp.close();
  }
  return report;
}
