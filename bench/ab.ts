// A/B of create task across copies of the tree, next to both ceilings, in one interleaved run:
//   node bench/ab.ts [--blocks 12] [--ms 1500] [--connections 16] before=/tmp/a/bench/servers/mission-control.ts after=bench/servers/mission-control.ts
// Each block runs every server once (order reversed every other block); the figures are medians over
// blocks of req/s, of req/s ÷ the durable writer and ÷ the echo of the same block, and of the server's
// CPU time per request (user + system from /proc, so only on Linux). How bench/report/analysis.md
// measured each change of issue 18: copy the tree (`cp -r src bench package.json` + a node_modules
// link) once per step, then name each copy's server here.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type ChildServer, startServerChild } from './lib/child.ts';
import { runLoad } from './lib/load.ts';
import { requestBytes } from './lib/raw-client.ts';
import { median } from './lib/stats.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    blocks: { type: 'string', default: '12' },
    ms: { type: 'string', default: '1500' },
    connections: { type: 'string', default: '16' },
  },
});
const blocks = Number(values.blocks);
const durationMs = Number(values.ms);
const concurrency = Number(values.connections);

/**
 * CPU time of a process so far (or of its main thread alone, `thread`), in µs (clock ticks of 10 ms),
 * or NaN where /proc is missing.
 */
function cpuMicros(pid: number | undefined, thread = false): number {
  try {
    const stat = thread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`;
    const fields = readFileSync(stat, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return Number.NaN;
  }
}

interface Side {
  name: string;
  server: ChildServer;
  path: string;
  rps: number[];
  cpu: number[];
  /** The main thread's share of `cpu` (the rest: the search indexer's and libuv's threads). */
  main: number[];
}
const sides: Side[] = [];
const add = async (name: string, server: Promise<ChildServer>, path: string) =>
  sides.push({ name, server: await server, path, rps: [], cpu: [], main: [] });
await add('echo', startServerChild('bare'), '/echo');
await add('durable', startServerChild('durable'), '/api/tasks');
for (const arg of positionals) {
  const [name, script] = arg.split('=');
  if (!name || !script) throw new Error(`expected name=path/to/server.ts, got ${arg}`);
  await add(name, startServerChild('mission-control', script), '/api/tasks');
}
try {
  for (let block = 0; block < blocks; block++) {
    const order = block % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const { port, token, child } = side.server;
      const before = cpuMicros(child.pid);
      const beforeMain = cpuMicros(child.pid, true);
      const result = await runLoad({
        port,
        concurrency,
        durationMs,
        warmupMs: 200,
        expectStatus: 201,
        request: (_c, i) =>
          requestBytes(
            'POST',
            side.path,
            port,
            token || undefined,
            JSON.stringify({ title: `ab task ${i}` }),
          ),
      });
      // The warm-up's requests ran too: count them in at the measured rate.
      const served = result.requests * (1 + 200 / durationMs);
      side.rps.push(result.rps);
      side.cpu.push((cpuMicros(child.pid) - before) / served);
      side.main.push((cpuMicros(child.pid, true) - beforeMain) / served);
    }
    console.log(
      `block ${block + 1}/${blocks}: ${sides.map((s) => `${s.name} ${s.rps.at(-1)}/s`).join(', ')}`,
    );
  }
  const [echo, durable] = sides as [Side, Side];
  for (const side of sides) {
    const ratio = (to: Side) => median(side.rps.map((r, i) => r / (to.rps[i] as number))).toFixed(3);
    console.log(
      `${side.name.padEnd(12)} ${Math.round(median(side.rps))}/s  ÷ durable ${ratio(durable)}  ÷ echo ${ratio(echo)}  ` +
        `CPU ${median(side.cpu).toFixed(1)} µs/request (main thread ${median(side.main).toFixed(1)})`,
    );
  }
} finally {
  for (const side of sides) await side.server.stop();
}
process.exit(0);
