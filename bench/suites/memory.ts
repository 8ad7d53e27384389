// Memory per idle SSE client: heap and RSS of the server (after GC) before and after `clients`
// streams connect, for Mission Control and for the bare broadcaster.
import { type ServerKind, startServerChild } from '../lib/child.ts';
import { SseClients } from '../lib/sse-clients.ts';
import { median, round, sleep } from '../lib/stats.ts';

export interface MemoryRow {
  server: ServerKind;
  clients: number;
  /** Bytes per client, medians of three probes. */
  heapPerClient: number;
  rssPerClient: number;
  externalPerClient: number;
  /** RSS bytes per client in each round: the allocator keeps what a round freed, so rounds differ. */
  rssRounds: number[];
}

async function measure(kind: ServerKind, clients: number): Promise<MemoryRow> {
  const server = await startServerChild(kind);
  try {
    const path = kind === 'bare' ? '/stream' : '/api/events/stream';
    // Warm the code paths (and the allocator) with a small batch first, so the delta is per client.
    const warm = await SseClients.open(server.port, path, 20, server.token);
    warm.close();
    await sleep(300);
    const probes = { heap: [] as number[], rss: [] as number[], external: [] as number[] };
    for (let i = 0; i < 3; i++) {
      const before = await server.memory();
      const streams = await SseClients.open(server.port, path, clients, server.token);
      await sleep(300);
      const after = await server.memory();
      if (after.clients < clients) throw new Error(`${kind}: only ${after.clients} clients attached`);
      probes.heap.push((after.heapUsed - before.heapUsed) / clients);
      probes.rss.push((after.rss - before.rss) / clients);
      probes.external.push((after.external - before.external) / clients);
      streams.close();
      await sleep(500);
    }
    return {
      server: kind,
      clients,
      heapPerClient: round(median(probes.heap), 0),
      rssPerClient: round(median(probes.rss), 0),
      externalPerClient: round(median(probes.external), 0),
      rssRounds: probes.rss.map((x) => round(x, 0)),
    };
  } finally {
    await server.stop();
  }
}

export async function memory(clients: number): Promise<MemoryRow[]> {
  const rows = [await measure('mission-control', clients), await measure('bare', clients)];
  for (const r of rows)
    console.log(`  memory ${r.server}: heap ${r.heapPerClient} B, rss ${r.rssPerClient} B per client`);
  return rows;
}
