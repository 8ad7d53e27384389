// Fan-out latency: POST a write, time until every SSE client has the event; Mission Control
// against the bare broadcaster, alternating rounds so both see the same machine noise.
import { performance } from 'node:perf_hooks';
import { type ChildServer, startServerChild } from '../lib/child.ts';
import { RawConnection, requestBytes } from '../lib/raw-client.ts';
import { SseClients } from '../lib/sse-clients.ts';
import { round, type Summary, summarize } from '../lib/stats.ts';

export interface FanoutRow {
  clients: number;
  rounds: number;
  missionControl: Summary;
  bare: Summary;
  /** Mission Control ÷ bare, per percentile (1 = as fast as the ceiling). */
  ratio: { p50: number; p95: number; p99: number };
}

/**
 * A body shaped like a task as Mission Control sends it now, so the bare frame is as large as its
 * (449 bytes of payload; until issue 18 it lacked the fields issues 12–16 added: 289 bytes).
 */
export const bareBody = (i: number) =>
  JSON.stringify({
    id: '01a236a2-047c-7280-9269-3e6d1c098e6a',
    title: `fan-out round ${i}`,
    description: null,
    status: 'inbox',
    priority: 'normal',
    assigned_agent_id: null,
    created_by_agent_id: null,
    due_date: null,
    version: 1,
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
    lease: null,
    claim_count: 0,
    depends_on: [],
    blocked: false,
    usage: { input_tokens: 0, output_tokens: 0, cost_usd: null },
    budget_usd: null,
    over_budget: false,
  });

interface Side {
  server: ChildServer;
  writer: RawConnection;
  clients: SseClients;
  request: (i: number) => string;
  samples: number[];
}

async function oneRound(side: Side, i: number, record: boolean): Promise<void> {
  const delivered = side.clients.nextFrameEverywhere();
  const start = performance.now();
  const response = await side.writer.request(side.request(i));
  if (response.status !== 201) throw new Error(`write answered ${response.status}: ${response.body}`);
  await delivered;
  if (record) side.samples.push(performance.now() - start);
}

/**
 * Unmeasured rounds on both servers before the first level, so the figures are those of a server that
 * has been running (its code compiled by the JIT), as in the throughput suite. Without them the first
 * levels measured Mission Control half compiled: after 20 rounds its p50 at 50 clients was 1.53–1.66×
 * the bare broadcaster's, after 3,000 1.31–1.46× (same code, same run; bench/report/analysis.md).
 */
const WARM_UP_ROUNDS = 500;

export async function fanout(levels: readonly number[], roundsFor: (clients: number) => number) {
  const mc = await startServerChild('mission-control');
  const bare = await startServerChild('bare');
  const rows: FanoutRow[] = [];
  try {
    let warmUp = WARM_UP_ROUNDS;
    for (const clients of levels) {
      const rounds = roundsFor(clients);
      const sides: Side[] = [
        {
          server: bare,
          writer: await RawConnection.open(bare.port),
          clients: await SseClients.open(bare.port, '/stream', clients),
          request: (i) => requestBytes('POST', '/publish', bare.port, undefined, bareBody(i)),
          samples: [],
        },
        {
          server: mc,
          writer: await RawConnection.open(mc.port),
          clients: await SseClients.open(mc.port, '/api/events/stream', clients, mc.token),
          request: (i) =>
            requestBytes(
              'POST',
              '/api/tasks',
              mc.port,
              mc.token,
              JSON.stringify({ title: `fan-out round ${i}` }),
            ),
          samples: [],
        },
      ];
      const warmup = warmUp + Math.min(20, Math.ceil(rounds / 5));
      warmUp = 0;
      for (let i = 0; i < warmup + rounds; i++) {
        // Alternate which side goes first so neither always follows the other's GC or flush.
        const order = i % 2 === 0 ? sides : [...sides].reverse();
        for (const side of order) await oneRound(side, i, i >= warmup);
      }
      for (const side of sides) {
        side.clients.close();
        side.writer.close();
      }
      const [b, m] = sides.map((s) => summarize(s.samples)) as [Summary, Summary];
      rows.push({
        clients,
        rounds,
        missionControl: m,
        bare: b,
        ratio: { p50: round(m.p50 / b.p50), p95: round(m.p95 / b.p95), p99: round(m.p99 / b.p99) },
      });
      console.log(
        `  fan-out ${clients} clients: p99 ${m.p99} ms vs bare ${b.p99} ms (×${rows.at(-1)?.ratio.p99})`,
      );
    }
  } finally {
    await mc.stop();
    await bare.stop();
  }
  return rows;
}
