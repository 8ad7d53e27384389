// `npm run test:load`: 1,000 stream clients and 1,000 writes/s for 60 s (LOAD_CLIENTS, LOAD_RATE, LOAD_SECONDS, LOAD_WORKERS).
import { runLoad } from './load.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const report = await runLoad({
  clients: env('LOAD_CLIENTS', 1000),
  rate: env('LOAD_RATE', 1000),
  seconds: env('LOAD_SECONDS', 60),
  workers: env('LOAD_WORKERS', 2),
  log: console.log,
});
console.log(JSON.stringify(report, null, 2));
const { latencyMs: l, server: s } = report;
console.log(
  `${report.exact ? 'PASS' : 'FAIL'}: ${report.clients} clients, ${report.achievedRate} writes/s (target ${report.targetRate}), ` +
    `delivered ${report.delivered}/${report.expected}, ${report.clientsComplete} clients complete, ` +
    `${report.reconnects} reconnects, latency p50 ${l.p50} p95 ${l.p95} p99 ${l.p99} ms, ` +
    `server peak RSS ${s.peakRssMb} MB, CPU mean ${s.meanCpuPct} % (peak ${s.peakCpuPct} %)`,
);
// Exact delivery is the correctness verdict; falling short of the write rate is reported as a failure too.
const rateReached = report.achievedRate >= report.targetRate * 0.9;
if (!rateReached)
  console.log(`RATE NOT REACHED: ${report.achievedRate} of ${report.targetRate} writes/s sustained`);
process.exit(report.exact && rateReached ? 0 : 1);
