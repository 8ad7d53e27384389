// Cold start: process spawn → first 200 from /api/health, headless `serve` on a fresh data dir,
// against a bare node:http server started the same way. Median of several alternating runs.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { RawConnection, requestBytes } from '../lib/raw-client.ts';
import { median, round } from '../lib/stats.ts';

export interface ColdStartResult {
  runs: number;
  missionControlMs: number[];
  bareMs: number[];
  missionControlMedian: number;
  bareMedian: number;
  /** Mission Control median ÷ bare median. */
  ratio: number;
  /** The same from a one-file bundle of serve.ts (no type stripping, few module lookups). */
  bundleMs?: number[];
  bundleMedian?: number;
  bundleRatio?: number;
  /** Median CPU ms (user + system) until the first 200. */
  cpuMedian: { missionControl: number; bare: number; bundle?: number };
}

const SERVE = fileURLToPath(new URL('../../src/core/serve.ts', import.meta.url));
const BARE = fileURLToPath(new URL('../servers/bare.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The bundle `npm run serve` runs (out/serve/serve.js), built by the same script when stale. */
function buildBundle(): string {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'prepare-serve.mjs')], {
    cwd: ROOT,
    stdio: 'ignore',
    timeout: 180_000,
  });
  return join(ROOT, 'out', 'serve', 'serve.js');
}

interface Start {
  /** Wall clock: spawn → first 200. */
  ms: number;
  /** CPU the process used until then (user + system): less swayed by other work on the machine. */
  cpuMs: number;
}

/** user + system CPU of a live process from /proc (Linux; 10 ms ticks), NaN elsewhere. */
function cpuTimeMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Starts `args`, waits for its "listening on <url>" line, then one GET /api/health. */
async function startOnce(args: string[], extraFlags: string[] = []): Promise<Start> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mc-bench-cold-'));
  const start = performance.now();
  const child = spawn(process.execPath, [...extraFlags, ...args, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, MISSION_CONTROL_TOKEN: undefined },
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 15_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
    });
    const conn = await RawConnection.open(port);
    const res = await conn.request(requestBytes('GET', '/api/health', port, undefined));
    const elapsed = performance.now() - start;
    const cpuMs = cpuTimeMs(child.pid);
    conn.close();
    if (res.status !== 200) throw new Error(`health answered ${res.status}`);
    return { ms: round(elapsed, 1), cpuMs };
  } finally {
    child.removeAllListeners('exit');
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `entry` may be a bundled build of serve.ts, to compare with running the TypeScript sources. */
export const startMissionControl = (flags: string[] = [], entry = SERVE) =>
  startOnce([entry, '--port', '0'], ['--disable-warning=ExperimentalWarning', ...flags]);

export async function coldStart(runs: number, withBundle: boolean): Promise<ColdStartResult> {
  const mc: Start[] = [];
  const bare: Start[] = [];
  const bundled: Start[] = [];
  const bundle = withBundle ? buildBundle() : undefined;
  await startMissionControl(); // first run warms the OS file cache; not counted
  if (bundle) await startMissionControl([], bundle);
  for (let i = 0; i < runs; i++) {
    mc.push(await startMissionControl());
    if (bundle) bundled.push(await startMissionControl([], bundle));
    // bare.ts ignores --data-dir; passing it keeps both spawns alike.
    bare.push(await startOnce([BARE], ['--disable-warning=ExperimentalWarning']));
  }
  const wall = (xs: Start[]) => median(xs.map((x) => x.ms));
  const cpu = (xs: Start[]) => median(xs.map((x) => x.cpuMs));
  const result: ColdStartResult = {
    runs,
    missionControlMs: mc.map((x) => x.ms),
    bareMs: bare.map((x) => x.ms),
    missionControlMedian: wall(mc),
    bareMedian: wall(bare),
    ratio: round(wall(mc) / wall(bare)),
    cpuMedian: { missionControl: cpu(mc), bare: cpu(bare), ...(bundle ? { bundle: cpu(bundled) } : {}) },
    ...(bundle
      ? {
          bundleMs: bundled.map((x) => x.ms),
          bundleMedian: wall(bundled),
          bundleRatio: round(wall(bundled) / wall(bare)),
        }
      : {}),
  };
  console.log(
    `  cold start: ${result.missionControlMedian} ms from sources, ${result.bundleMedian ?? '–'} ms bundled (bare node ${result.bareMedian} ms); CPU ${JSON.stringify(result.cpuMedian)}`,
  );
  return result;
}
