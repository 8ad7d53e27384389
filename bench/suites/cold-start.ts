// Cold start: process spawn → first 200 from /api/health, headless `serve` on a fresh data dir,
// against a bare node:http server started the same way. Median of several alternating runs.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
}

const SERVE = fileURLToPath(new URL('../../src/core/serve.ts', import.meta.url));
const BARE = fileURLToPath(new URL('../servers/bare.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE_DIR = join(ROOT, 'out', 'bench-serve');

/** Bundles serve.ts with rolldown (a Vite dependency) into out/bench-serve; better-sqlite3 stays external. */
function buildBundle(): string {
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'rolldown'),
    [
      'src/core/serve.ts',
      '--platform',
      'node',
      '--format',
      'esm',
      '-d',
      BUNDLE_DIR,
      '--external',
      'better-sqlite3',
    ],
    { cwd: ROOT, stdio: 'ignore', timeout: 120_000 },
  );
  return join(BUNDLE_DIR, 'serve.js');
}

/** Starts `args`, waits for its "listening on <url>" line, then one GET /api/health. */
async function startOnce(args: string[], extraFlags: string[] = []): Promise<number> {
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
    conn.close();
    if (res.status !== 200) throw new Error(`health answered ${res.status}`);
    return elapsed;
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
  const mc: number[] = [];
  const bare: number[] = [];
  const bundled: number[] = [];
  const bundle = withBundle ? buildBundle() : undefined;
  await startMissionControl(); // first run warms the OS file cache; not counted
  if (bundle) await startMissionControl([], bundle);
  for (let i = 0; i < runs; i++) {
    mc.push(round(await startMissionControl(), 1));
    if (bundle) bundled.push(round(await startMissionControl([], bundle), 1));
    // bare.ts ignores --data-dir; passing it keeps both spawns alike.
    bare.push(round(await startOnce([BARE], ['--disable-warning=ExperimentalWarning']), 1));
  }
  const result = {
    runs,
    missionControlMs: mc,
    bareMs: bare,
    missionControlMedian: median(mc),
    bareMedian: median(bare),
    ratio: round(median(mc) / median(bare)),
    ...(bundle
      ? {
          bundleMs: bundled,
          bundleMedian: median(bundled),
          bundleRatio: round(median(bundled) / median(bare)),
        }
      : {}),
  };
  console.log(
    `  cold start: ${result.missionControlMedian} ms from sources, ${result.bundleMedian ?? '–'} ms bundled (bare node ${result.bareMedian} ms)`,
  );
  return result;
}
