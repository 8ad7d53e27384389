import { mkdtempSync } from 'node:fs';

const { serve } = await import('../src/core/serve.ts');
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
await s.stop();
