// The child side of lib/child.ts: announce the port, answer memory probes, stop when the parent goes.

declare const gc: (() => void) | undefined;

export function serveIpc(
  port: number,
  token: string,
  clients: () => number,
  stop: () => Promise<void>,
): void {
  if (!process.send) {
    // Started without IPC (cold-start runs): say where we listen, like `serve` does.
    console.log(`listening on http://127.0.0.1:${port}`);
    return;
  }
  process.send({ port, token });
  process.on('message', (message: { cmd: string }) => {
    if (message.cmd !== 'memory') return;
    gc?.();
    gc?.();
    const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage();
    process.send?.({ memory: { heapUsed, rss, external, arrayBuffers, clients: clients() } });
  });
  // Self-stopping: when the bench exits or lets go, the server goes too.
  process.on('disconnect', () => {
    void stop().finally(() => process.exit(0));
  });
}
