// The durable ceiling: a bare node:http server that writes what a create task writes — the task row
// (today's schema and task indexes: migrations 1–7, frozen here so later index work does not move it)
// and its event row, random UUID keys — in one transaction per event-loop turn, and answers 201 with
// the task after the commit. No auth, no validation, no framework, no fan-out.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from '../../src/core/db/migrate.ts';
import { MIGRATIONS } from '../../src/core/db/migrations/index.ts';
import { serveIpc } from './ipc.ts';

/** The schema version this ceiling stands for: the task indexes as they were before issue 18. */
const SCHEMA_VERSION = 7;

const dataDir = mkdtempSync(join(tmpdir(), 'mc-bench-durable-'));
const db = new BetterSqlite3(join(dataDir, 'durable.db'));
// The same settings as src/core/db/open.ts.
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = 10000');
db.pragma('foreign_keys = ON');
migrate(db, MIGRATIONS, SCHEMA_VERSION);

const insertTask = db.prepare(`INSERT INTO tasks (id, title, description, status, priority, assigned_agent_id,
  created_by_agent_id, due_date, version, created_at, updated_at, status_changed_at)
  VALUES (@id, @title, @description, @status, @priority, @assigned_agent_id, @created_by_agent_id,
  @due_date, @version, @created_at, @updated_at, @created_at)`);
const insertEvent = db.prepare('INSERT INTO events (type, payload, created_at) VALUES (?, ?, ?)');

interface Task {
  id: string;
  title: string;
  description: string | null;
  status: string;
  priority: string;
  assigned_agent_id: string | null;
  created_by_agent_id: string | null;
  due_date: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  // What the API's task carries besides its row, so the event payload is as large as Mission Control's.
  lease: null;
  claim_count: number;
  depends_on: string[];
  blocked: boolean;
}

let turn: Array<{ res: http.ServerResponse; task: Task; body: string }> = [];

const commitTurn = db.transaction((writes: typeof turn) => {
  for (const { task, body } of writes) {
    insertTask.run(task);
    insertEvent.run('task_created', body, task.created_at);
  }
});

function flush(): void {
  const writes = turn;
  turn = [];
  commitTurn(writes);
  for (const { res, body } of writes) answer(res, 201, body);
}

function answer(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function create(text: string, res: http.ServerResponse): void {
  const input = JSON.parse(text) as { title: string };
  const now = new Date().toISOString();
  const task: Task = {
    id: randomUUID(),
    title: input.title,
    description: null,
    status: 'inbox',
    priority: 'normal',
    assigned_agent_id: null,
    created_by_agent_id: null,
    due_date: null,
    version: 1,
    created_at: now,
    updated_at: now,
    lease: null,
    claim_count: 0,
    depends_on: [],
    blocked: false,
  };
  turn.push({ res, task, body: JSON.stringify(task) });
  if (turn.length === 1) setImmediate(flush);
}

const server = http.createServer((req, res) => {
  if (req.url === '/api/health') return answer(res, 200, '{"ok":true}');
  if (req.method !== 'POST') return answer(res, 404, '{}');
  let text = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    text += chunk;
  });
  req.on('end', () => create(text, res));
});

server.listen(0, '127.0.0.1', () => {
  serveIpc(
    (server.address() as AddressInfo).port,
    '',
    () => 0,
    async () => {
      server.closeAllConnections();
      server.close();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  );
});
