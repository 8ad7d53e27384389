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
const server = await startServer({ core, token: TOKEN, host: '127.0.0.1', port: 0 });

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
