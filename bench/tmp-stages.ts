import { performance } from 'node:perf_hooks';

const t0 = performance.now();
const out: string[] = [`start→entry ${t0.toFixed(0)}`];
const mark = (l: string) => out.push(`${l} ${(performance.now() - t0).toFixed(0)}`);
await import('fastify');
mark('fastify');
await import('/work/main/src/core/core.ts');
mark('core.ts');
await import('/work/main/src/core/openapi/routes.ts');
mark('openapi');
await import('/work/main/src/core/mcp/routes.ts');
mark('mcp');
await import('/work/main/src/core/http/app.ts');
mark('http/app.ts');
const { serve } = await import('/work/main/src/core/serve.ts');
mark('serve.ts');
const { mkdtempSync } = await import('node:fs');
const s = await serve(
  {
    host: '127.0.0.1',
    port: 0,
    portExplicit: true,
    dataDir: mkdtempSync('/tmp/mcst-'),
    allowHosts: [],
    pingMs: undefined,
  },
  () => {},
);
mark('listening');
console.log(out.join(' | '));
await s.stop();
