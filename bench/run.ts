// `npm run bench [-- --quick | --no-million | --profile | --report-only | --only fanout,throughput,store,memory,cold-start,work,conversation,logs,usage,search,webhooks]`
// Full run: prints the figures, writes docs/bench/*.json + charts + docs/BENCHMARKS.md.
// Quick run (< 60 s, for CI): compares with docs/bench/baseline.json and fails only on a gross regression.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { childFlags } from './lib/child.ts';
import { type Baseline, compare, gates } from './report/baseline.ts';
import { writeDocs } from './report/markdown.ts';
import { gitCommit, machine, type Results } from './report/results.ts';
import { coldStart } from './suites/cold-start.ts';
import { conversation } from './suites/conversation.ts';
import { fanout } from './suites/fanout.ts';
import { logs } from './suites/logs.ts';
import { memory } from './suites/memory.ts';
import { searchSuite } from './suites/search.ts';
import { storeScale } from './suites/store.ts';
import { throughput } from './suites/throughput.ts';
import { usage } from './suites/usage.ts';
import { webhooks } from './suites/webhooks.ts';
import { work } from './suites/work.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = join(ROOT, 'docs');
const BASELINE = join(DOCS, 'bench', 'baseline.json');
const SUITES = [
  'fanout',
  'throughput',
  'store',
  'memory',
  'cold-start',
  'work',
  'conversation',
  'logs',
  'usage',
  'search',
  'webhooks',
] as const;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-million': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    only: { type: 'string' },
    'report-only': { type: 'boolean', default: false },
  },
});
const quick = values.quick ?? false;
if (values['report-only']) {
  // Re-renders docs/BENCHMARKS.md and the charts from the stored JSON (e.g. after editing analysis.md).
  const stored = JSON.parse(readFileSync(join(DOCS, 'bench', 'results.json'), 'utf8')) as Results;
  writeDocs(stored, DOCS, join(ROOT, 'bench', 'report', 'analysis.md'));
  console.log('Rewrote docs/BENCHMARKS.md and docs/bench/*.svg from docs/bench/results.json');
  process.exit(0);
}
const only = new Set(values.only ? values.only.split(',') : SUITES);
if (values.profile) {
  const dir = join(tmpdir(), 'mc-bench-profiles');
  childFlags.push('--cpu-prof', `--cpu-prof-dir=${dir}`);
  console.log(
    `CPU profiles of the server processes go to ${dir} (summarise: node bench/lib/profile-summary.ts <file>)`,
  );
}

// Bounded: the whole run is abandoned if it ever hangs.
const budget = setTimeout(
  () => {
    console.error('bench: time budget exceeded');
    process.exit(2);
  },
  quick ? 90_000 : 15 * 60_000,
);
budget.unref();

const started = Date.now();
const results: Results = {
  date: new Date().toISOString(),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  quick,
  commit: gitCommit(),
  machine: machine(),
  seconds: 0,
};

if (only.has('fanout')) {
  console.log('Fan-out latency');
  results.fanout = await fanout([1, 50, 200, 1000], (n) =>
    quick ? (n >= 1000 ? 30 : 40) : n >= 1000 ? 200 : 300,
  );
}
if (only.has('throughput')) {
  console.log('Write throughput');
  results.throughput = await throughput(quick ? [16] : [1, 16, 64], quick ? 1000 : 2000, quick ? 1 : 3);
}
if (only.has('store')) {
  console.log('Store scale');
  const levels = quick
    ? [{ tasks: 10_000, activities: 100_000 }]
    : [
        { tasks: 10_000, activities: 0 },
        { tasks: 100_000, activities: 0 },
        ...(values['no-million'] ? [] : [{ tasks: 100_000, activities: 1_000_000 }]),
      ];
  results.store = storeScale({ levels, samples: quick ? 100 : 500 });
}
if (only.has('memory')) {
  console.log('Memory per idle SSE client');
  results.memory = await memory(1000);
}
if (only.has('cold-start')) {
  console.log('Cold start');
  results.coldStart = await coldStart(quick ? 3 : 9, !quick);
}
if (only.has('work')) {
  console.log('Work loop');
  results.work = await work(
    quick
      ? { workers: 8, tasks: 1000, rounds: 30, leased: 10_000 }
      : { workers: 8, tasks: 5000, rounds: 200, leased: 10_000 },
  );
}
if (only.has('conversation')) {
  console.log('Human in the loop');
  results.conversation = await conversation(
    quick
      ? { rounds: 30, levels: [100, 10_000], samples: 50 }
      : { rounds: 200, levels: [100, 10_000], samples: 200 },
  );
}
if (only.has('logs')) {
  console.log('Session logs');
  results.logs = await logs(quick ? { batches: 200, rounds: 50 } : { batches: 2000, rounds: 300 });
}
if (only.has('usage')) {
  console.log('Usage and cost');
  results.usage = await usage(quick ? { reports: 20_000, samples: 10 } : { reports: 100_000, samples: 30 });
}
if (only.has('search')) {
  console.log('Search');
  // The full run keeps the 1,000,000-line figure (seeding takes about a minute); quick mode is small.
  results.search = await searchSuite(
    quick
      ? { logLines: 20_000, activities: 5_000, tasks: 1_000, samples: 10 }
      : { logLines: 1_000_000, activities: 100_000, tasks: 10_000, samples: 50 },
  );
}
if (only.has('webhooks')) {
  console.log('Webhooks');
  results.webhooks = await webhooks(
    quick
      ? { rounds: 20, events: 1000, writeMs: 250, pathCreates: 200 }
      : { rounds: 200, events: 1000, writeMs: 3000, pathCreates: 2000 },
  );
}
results.seconds = Math.round((Date.now() - started) / 1000);
console.log(`Done in ${results.seconds} s`);

if (quick) {
  const out = join(tmpdir(), 'mc-bench-quick.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Results: ${out}`);
  if (!existsSync(BASELINE)) {
    console.log('No docs/bench/baseline.json yet: nothing to compare with.');
    process.exit(0);
  }
  const { lines, failed } = compare(JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline, results);
  for (const line of lines) console.log(line);
  if (failed.length > 0) {
    console.error(`Gross regression (more than 3× worse than documented): ${failed.join(', ')}`);
    process.exit(1);
  }
  process.exit(0);
}

if (only.size === SUITES.length) {
  mkdirSync(join(DOCS, 'bench'), { recursive: true });
  writeFileSync(join(DOCS, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(BASELINE, `${JSON.stringify(gates(results), null, 2)}\n`);
  // Keep the committed JSON in the repository's format, so `npm run lint` stays green.
  execFileSync(join(ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', 'docs/bench'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  writeDocs(results, DOCS, join(ROOT, 'bench', 'report', 'analysis.md'));
  console.log('Wrote docs/BENCHMARKS.md, docs/bench/*.svg, docs/bench/results.json and baseline.json');
} else {
  const out = join(tmpdir(), 'mc-bench-partial.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Partial run (--only): docs left alone; results in ${out}`);
}
process.exit(0);
