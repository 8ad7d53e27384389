// Runs a bench server in its own process (so it never shares an event loop with the load) and
// talks to it over IPC: ready (port, token), memory after GC, stop.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ServerMemory {
  heapUsed: number;
  rss: number;
  external: number;
  arrayBuffers: number;
  clients: number;
}

export interface ChildServer {
  port: number;
  token: string;
  child: ChildProcess;
  memory(): Promise<ServerMemory>;
  stop(): Promise<void>;
}

export type ServerKind = 'bare' | 'durable' | 'mission-control';

const SCRIPTS: Record<ServerKind, string> = {
  bare: fileURLToPath(new URL('../servers/bare.ts', import.meta.url)),
  durable: fileURLToPath(new URL('../servers/durable.ts', import.meta.url)),
  'mission-control': fileURLToPath(new URL('../servers/mission-control.ts', import.meta.url)),
};

/** Extra Node flags for every server child, e.g. `--cpu-prof` from `npm run bench -- --profile`. */
export const childFlags: string[] = [];

/** Starts one of the bench servers, or `script` (another copy of one, as bench/ab.ts does). */
export function startServerChild(kind: ServerKind, script = SCRIPTS[kind]): Promise<ChildServer> {
  const child = fork(script, [], {
    execPath: process.execPath,
    execArgv: ['--expose-gc', '--disable-warning=ExperimentalWarning', ...childFlags],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
    child.once('message', (message: { port: number; token: string }) => {
      clearTimeout(timer);
      resolve({
        port: message.port,
        token: message.token,
        child,
        memory: () =>
          new Promise((done) => {
            child.once('message', (m: { memory: ServerMemory }) => done(m.memory));
            child.send({ cmd: 'memory' });
          }),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.disconnect();
          }),
      });
    });
  });
}
