import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barChart } from '../report/svg.ts';
import { type ChildServer, startServerChild } from './child.ts';
import { runLoad } from './load.ts';
import { RawConnection, requestBytes } from './raw-client.ts';
import { SseClients } from './sse-clients.ts';
import { percentile, summarize } from './stats.ts';

describe('stats', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([50, 99, 100]);
    expect(summarize([3, 1, 2])).toMatchObject({ n: 3, p50: 2, max: 3, mean: 2 });
  });
});

describe('bench harness against the bare server', () => {
  let bare: ChildServer;
  beforeAll(async () => {
    bare = await startServerChild('bare');
  });
  afterAll(() => bare.stop());

  it('waits until every SSE client has the next frame, frame after frame', async () => {
    const clients = await SseClients.open(bare.port, '/stream', 20);
    const writer = await RawConnection.open(bare.port);
    for (let i = 0; i < 3; i++) {
      const delivered = clients.nextFrameEverywhere(5000);
      const res = await writer.request(requestBytes('POST', '/publish', bare.port, undefined, `{"n":${i}}`));
      expect(res).toEqual({ status: 201, body: `{"n":${i}}` });
      await delivered;
    }
    expect((await bare.memory()).clients).toBe(20);
    clients.close();
    writer.close();
  });

  it('runs a closed-loop load and counts only the expected answers', async () => {
    const request = () => requestBytes('POST', '/echo', bare.port, undefined, '{"a":1}');
    const result = await runLoad({
      port: bare.port,
      concurrency: 4,
      durationMs: 200,
      warmupMs: 50,
      request,
      expectStatus: 201,
    });
    expect(result.rps).toBeGreaterThan(0);
    expect(result.errors).toBe(0);
    await expect(
      runLoad({ port: bare.port, concurrency: 2, durationMs: 100, warmupMs: 0, request, expectStatus: 200 }),
    ).rejects.toThrow(/requests failed, first: 201/);
  });
});

describe('charts', () => {
  it('draws one bar per series and group, and a target line', () => {
    const svg = barChart({
      title: 'a <b>',
      unit: 'ms',
      groups: ['x', 'y'],
      series: [
        { name: 's1', values: [1, 2] },
        { name: 's2', values: [3, 4] },
      ],
      line: { value: 2.5, label: 'target' },
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(4);
    expect(svg).toContain('a &lt;b&gt;');
    expect(svg).toContain('stroke-dasharray');
  });
});
