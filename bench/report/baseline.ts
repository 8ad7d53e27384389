// The regression gate: a handful of ratios from a documented run, compared with a quick run.
// Only a gross regression fails (more than `FACTOR`× worse), never noise.
import type { Results } from './results.ts';

export const FACTOR = 3;

export interface Gate {
  /** Metric value in the documented run. */
  value: number;
  /** Which way is worse. */
  worse: 'higher' | 'lower';
  what: string;
}

export type Baseline = Record<string, Gate>;

export function gates(r: Results): Baseline {
  const out: Baseline = {};
  for (const row of r.fanout ?? []) {
    if (row.clients < 200) continue;
    out[`fanout.p50Ratio.${row.clients}`] = {
      value: row.ratio.p50,
      worse: 'higher',
      what: `fan-out p50 at ${row.clients} clients ÷ bare broadcaster`,
    };
  }
  for (const row of r.throughput ?? []) {
    if (row.concurrency !== 16) continue;
    out[`throughput.ratio.${row.op}.16`] = {
      value: row.ratio,
      worse: 'lower',
      what: `${row.op} req/s at 16 connections ÷ bare echo`,
    };
    if (row.op === 'create task' && row.durableRatio !== undefined)
      out['throughput.durableRatio.create task.16'] = {
        value: row.durableRatio,
        worse: 'lower',
        what: 'create task req/s at 16 connections ÷ bare durable writer',
      };
  }
  const first = r.store?.[0];
  if (first)
    out['store.insertRatio.10k'] = {
      value: first.insertRatio,
      worse: 'higher',
      what: 'create task p50 ÷ raw INSERT',
    };
  const mc = r.memory?.find((m) => m.server === 'mission-control');
  if (mc)
    out['memory.heapPerClient'] = {
      value: mc.heapPerClient,
      worse: 'higher',
      what: 'heap bytes per idle SSE client',
    };
  if (r.coldStart)
    out['coldStart.ratio'] = { value: r.coldStart.ratio, worse: 'higher', what: 'cold start ÷ bare node' };
  if (r.work) {
    out['work.claimRatio'] = {
      value: r.work.claimRatio,
      worse: 'lower',
      what: 'claims/s with 8 workers ÷ creates/s at 8 connections',
    };
    out['work.wakeRatio'] = {
      value: Math.round((r.work.wake.p50 / r.work.createRoundTrip.p50) * 100) / 100,
      worse: 'higher',
      what: 'long-poll wake p50 ÷ create round trip p50',
    };
  }
  if (r.conversation) {
    const c = r.conversation;
    out['conversation.wakeRatio'] = {
      value: Math.round((c.wake.p50 / c.reviewRoundTrip.p50) * 100) / 100,
      worse: 'higher',
      what: 'inbox wake on approve p50 ÷ the approve round trip p50',
    };
    const largest = c.attention.at(-1);
    if (largest)
      out[`conversation.attentionMs.${largest.tasks}`] = {
        value: largest.list.p50,
        worse: 'higher',
        what: `attention list p50 (ms) at ${largest.tasks} tasks, ${largest.items} items`,
      };
  }
  if (r.logs) {
    const l = r.logs;
    const one = l.append.find((a) => a.connections === 1);
    if (one)
      out['logs.appendRatio'] = {
        value: Math.round((one.linesPerSecond / l.createsPerSecond) * 100) / 100,
        worse: 'lower',
        what: 'log lines/s in batches of 100 on 1 connection ÷ task creates/s on 1 connection',
      };
    out['logs.viewerRatio'] = {
      value: Math.round((l.toViewer.p50 / l.appendRoundTrip.p50) * 100) / 100,
      worse: 'higher',
      what: 'log line → viewer p50 ÷ the append round trip p50',
    };
  }
  if (r.usage) {
    const u = r.usage;
    out['usage.reportRatio'] = {
      value: Math.round((u.reportRoundTrip.p50 / u.createRoundTrip.p50) * 100) / 100,
      worse: 'higher',
      what: 'usage report round trip p50 ÷ task create round trip p50',
    };
    const day = u.queries.find((q) => q.group === 'day' && q.window === 'all');
    if (day)
      out['usage.dayMsPer10k'] = {
        value: Math.round((day.inProcess.p50 / (u.reports / 10_000)) * 100) / 100,
        worse: 'higher',
        what: 'usage by day over all reports, in process p50 (ms) per 10,000 reports',
      };
  }
  if (r.search)
    out['search.appendRatio'] = {
      value: Math.round((r.search.appendIndexed.p50 / r.search.appendPlain.p50) * 100) / 100,
      worse: 'higher',
      what: '1,000-line log append through the domain (search queue) ÷ into a plain table (p50)',
    };
  if (r.webhooks) {
    const w = r.webhooks;
    out['webhooks.receiverRatio'] = {
      value: Math.round((w.toReceiver.p50 / w.createRoundTrip.p50) * 100) / 100,
      worse: 'higher',
      what: 'event → receiver p50 ÷ the create round trip p50',
    };
    const none = w.writeCost.find((c) => c.webhooks === 0);
    const ten = w.writeCost.find((c) => c.webhooks === 10);
    if (none && ten)
      out['webhooks.writeRatio'] = {
        value: Math.round((ten.sixteenConnections.rps / none.sixteenConnections.rps) * 100) / 100,
        worse: 'lower',
        what: 'creates/s on 16 connections with 10 webhooks ÷ with 0',
      };
  }
  return out;
}

/** Lines describing each gate; `failed` lists the gross regressions. */
export function compare(baseline: Baseline, run: Results): { lines: string[]; failed: string[] } {
  const now = gates(run);
  const lines: string[] = [];
  const failed: string[] = [];
  for (const [key, doc] of Object.entries(baseline)) {
    const cur = now[key];
    if (!cur) continue;
    const factor = doc.worse === 'higher' ? cur.value / doc.value : doc.value / cur.value;
    const bad = factor > FACTOR;
    lines.push(
      `${bad ? 'FAIL' : 'ok  '} ${doc.what}: ${cur.value} (documented ${doc.value}, worse by ×${factor.toFixed(2)}, limit ×${FACTOR})`,
    );
    if (bad) failed.push(key);
  }
  return { lines, failed };
}
