// Mission Control as the bench measures it: createCore + startServer over a fresh temp data dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src/core/core.ts';
import { startServer } from '../../src/core/server.ts';
import { serveIpc } from './ipc.ts';

const TOKEN = 'bench-token-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'mc-bench-'));
const core = createCore({ dataDir });
// Experiments: BENCH_PRAGMA='wal_autocheckpoint=0' tries a setting without touching src/core.
for (const p of process.env.BENCH_PRAGMA?.split(';').filter(Boolean) ?? []) core.db.pragma(p);
// Every bench stream uses the owner token, and the fan-out levels pass its cap (1,000) and the
// total (10,000), so both are lifted; a variable, so the options may be absent in older cores.
const sse = { maxOwnerStreams: 1_000_000, maxStreams: 1_000_000 };
const server = await startServer({ core, token: TOKEN, host: '127.0.0.1', port: 0, sse });

serveIpc(
  server.port,
  TOKEN,
  () => server.hub.size,
  async () => {
    await server.close();
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
);
