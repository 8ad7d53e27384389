// A worker thread that holds a share of the stream clients, so parsing spreads over the cores.
import { parentPort, workerData } from 'node:worker_threads';
import { type ClientsOptions, StreamClients } from './stream-clients.ts';

const clients = new StreamClients(workerData as ClientsOptions);
const port = parentPort;
if (!port) throw new Error('run me as a worker');
port.on('message', (message: string) => {
  if (message === 'progress')
    port.postMessage({ progress: { lowest: clients.lowestLastId(), received: clients.received } });
  if (message === 'stop') {
    port.postMessage({ result: clients.close() });
    port.close();
  }
});
clients.open().then(
  () => port.postMessage({ ready: true }),
  (error: Error) => port.postMessage({ error: error.message }),
);
