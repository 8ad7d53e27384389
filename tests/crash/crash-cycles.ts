// Kill -9 the real server at random moments under concurrent writers and stream readers, restart, verify.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Follower } from './follower.ts';
import { startServerProcess } from './server-process.ts';
import { verifyDatabase } from './verify.ts';

export interface CrashOptions {
  cycles: number;
  writers: number;
  readers: number;
  seed: number;
  /** Random run time before each kill, in ms. */
  minRunMs: number;
  maxRunMs: number;
  log?: (line: string) => void;
}

export interface Write {
  key: string;
  kind: 'task' | 'activity';
  path: string;
  body: Record<string, unknown>;
}

export interface CrashState {
  /** Key → id of the row the acknowledged (2xx) answer named. */
  acked: Map<string, { kind: Write['kind']; id: string }>;
  /** Writes sent whose answer never came (the server died): retried with the same key. */
  pending: Write[];
  lostAnswers: number;
  /** Retries the server answered from its idempotency record: the first attempt had committed. */
  replayed: number;
  rejected: string[];
}

export interface CrashReport {
  cycles: number;
  ackedWrites: number;
  lost: number;
  duplicated: number;
  lostAnswers: number;
  appliedBeforeKill: number;
  events: number;
  followerEvents: number;
  reconnects: number;
  problems: string[];
  integrity: string;
  ms: number;
}

const TOKEN = 'crash-test-token-0123456789';

/** A small seeded generator, so a failing run can be replayed with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function send(url: string, write: Write): Promise<Response> {
  return fetch(`${url}${write.path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      'idempotency-key': write.key,
    },
    body: JSON.stringify(write.body),
  });
}

/** One writer: fresh writes (and retries of lost ones) until the server dies or `until` passes. */
async function writer(
  url: string,
  state: CrashState,
  next: () => Write,
  until: () => boolean,
): Promise<void> {
  while (!until()) {
    const write = state.pending.shift() ?? next();
    let res: Response;
    try {
      res = await send(url, write);
    } catch {
      state.pending.push(write);
      state.lostAnswers += 1;
      return;
    }
    const body = (await res.json().catch(() => null)) as { id?: string } | null;
    if (res.status >= 200 && res.status < 300 && body?.id) {
      if (res.headers.get('idempotent-replayed') === 'true') state.replayed += 1;
      const previous = state.acked.get(write.key);
      if (previous && previous.id !== body.id) state.rejected.push(`${write.key} answered two ids`);
      state.acked.set(write.key, { kind: write.kind, id: body.id });
    } else {
      state.rejected.push(`${write.key} → ${res.status} ${JSON.stringify(body)}`);
    }
  }
}

export async function runCrashCycles(options: CrashOptions): Promise<CrashReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const rand = random(options.seed);
  const dataDir = mkdtempSync(join(tmpdir(), 'mc-crash-'));
  const state: CrashState = { acked: new Map(), pending: [], lostAnswers: 0, replayed: 0, rejected: [] };
  const followers = Array.from({ length: options.readers }, () => new Follower(TOKEN));
  let sequence = 0;
  const next = (): Write => {
    const key = `w-${options.seed}-${sequence++}`;
    const tasks = [...state.acked.values()].filter((a) => a.kind === 'task');
    const target = tasks[Math.floor(rand() * tasks.length)];
    if (target && rand() < 0.3) {
      const body = { activity_type: 'updated', message: key };
      return { key, kind: 'activity', path: `/api/tasks/${target.id}/activities`, body };
    }
    return { key, kind: 'task', path: '/api/tasks', body: { title: key } };
  };
  try {
    for (let cycle = 1; cycle <= options.cycles + 1; cycle++) {
      const final = cycle > options.cycles;
      const server = await startServerProcess(dataDir, TOKEN);
      await Promise.all(followers.map((f) => f.connect(server.port)));
      const runMs = options.minRunMs + rand() * (options.maxRunMs - options.minRunMs);
      const deadline = Date.now() + runMs;
      // The last round kills nothing: it retries what is still pending and lets readers catch up.
      const until = final ? () => state.pending.length === 0 : () => Date.now() > deadline + 5000;
      const writers = Array.from({ length: options.writers }, () => writer(server.url, state, next, until));
      if (final) {
        await Promise.all(writers);
        await catchUp(server.url, followers);
        await server.stop();
      } else {
        await sleep(runMs);
        await server.kill9();
        await Promise.all(writers);
      }
      log(
        `cycle ${cycle}${final ? ' (final, no kill)' : ''}: ${state.acked.size} acked, ` +
          `${state.pending.length} pending, ${state.lostAnswers} answers lost so far`,
      );
    }
    for (const f of followers) f.disconnect();
    const verdict = verifyDatabase(join(dataDir, 'mission-control.db'), state, followers);
    return {
      cycles: options.cycles,
      ackedWrites: state.acked.size,
      lostAnswers: state.lostAnswers,
      appliedBeforeKill: state.replayed,
      followerEvents: followers.reduce((n, f) => n + f.seen.length, 0),
      reconnects: followers.reduce((n, f) => n + f.connects, 0),
      ...verdict,
      problems: [...state.rejected, ...verdict.problems],
      ms: Date.now() - started,
    };
  } finally {
    for (const f of followers) f.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Waits until every reader has the newest event id the server has handed out. */
async function catchUp(url: string, followers: Follower[], timeoutMs = 15_000): Promise<void> {
  const res = await fetch(`${url}/api/snapshot`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const { last_event_id: latest } = (await res.json()) as { last_event_id: number };
  const deadline = Date.now() + timeoutMs;
  while (followers.some((f) => f.lastId < latest)) {
    if (Date.now() > deadline) throw new Error(`readers did not reach event ${latest}`);
    await sleep(20);
  }
}
