// Headless entry (`npm run serve`): the same core and web UI under plain Node, no Electron.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_PORT } from '../shared/api.ts';
import { loadOrCreateToken } from './config/token.ts';
import { createCore } from './core.ts';
import { DEFAULT_SSE, type SseOptions } from './http/sse.ts';
import { isLoopbackHost, isWildcardHost, lanAddresses, lanHostNames, urlHost } from './network.ts';
import { projectRoot } from './paths.ts';
import { startServer } from './server.ts';

export interface ServeConfig {
  host: string;
  port: number;
  portExplicit: boolean;
  dataDir: string;
  allowHosts: string[];
  pingMs: number | undefined;
  /** Streams the owner token may hold at once (default 1,000; `--max-streams`). */
  maxStreams?: number | undefined;
  /** Addresses "allow other devices" listens on (default: every LAN address). */
  lanAddresses?: string[] | undefined;
  /** The total size of session logs in MB (default 500; `--max-log-mb`). */
  maxLogMb?: number | undefined;
}

const USAGE = `Usage: npm run serve -- [--port 4000] [--host 127.0.0.1] [--data-dir ./.mission-control]
                        [--allow-host NAME]... [--ping-ms 30000] [--lan-address ADDR]...
                        [--max-streams 1000] [--max-log-mb 500]
Environment: MISSION_CONTROL_PORT, MISSION_CONTROL_HOST, MISSION_CONTROL_DATA_DIR, MISSION_CONTROL_TOKEN,
             MISSION_CONTROL_LAN_ADDRESSES (comma-separated), MISSION_CONTROL_MAX_STREAMS,
             MISSION_CONTROL_MAX_LOG_MB`;

export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'allow-host': { type: 'string', multiple: true },
      'ping-ms': { type: 'string' },
      'lan-address': { type: 'string', multiple: true },
      'max-streams': { type: 'string' },
      'max-log-mb': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) throw new UsageError(USAGE);
  const portText = values.port ?? env.MISSION_CONTROL_PORT;
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0..65535, not ${portText}`);
  const pingMs = values['ping-ms'] === undefined ? undefined : Number(values['ping-ms']);
  if (pingMs !== undefined && !(pingMs >= 10)) throw new UsageError('--ping-ms must be a number ≥ 10');
  const streamsText = values['max-streams'] ?? env.MISSION_CONTROL_MAX_STREAMS;
  const maxStreams = streamsText === undefined ? undefined : Number(streamsText);
  if (maxStreams !== undefined && !(Number.isInteger(maxStreams) && maxStreams >= 1))
    throw new UsageError(`--max-streams must be a whole number ≥ 1, not ${streamsText}`);
  const logText = values['max-log-mb'] ?? env.MISSION_CONTROL_MAX_LOG_MB;
  const maxLogMb = logText === undefined ? undefined : Number(logText);
  if (maxLogMb !== undefined && !(maxLogMb >= 1))
    throw new UsageError(`--max-log-mb must be a number ≥ 1, not ${logText}`);
  return {
    host: values.host ?? env.MISSION_CONTROL_HOST ?? '127.0.0.1',
    port,
    portExplicit: portText !== undefined,
    dataDir: resolve(values['data-dir'] ?? env.MISSION_CONTROL_DATA_DIR ?? '.mission-control'),
    allowHosts: values['allow-host'] ?? [],
    pingMs,
    maxStreams,
    maxLogMb,
    lanAddresses: values['lan-address'] ?? env.MISSION_CONTROL_LAN_ADDRESSES?.split(',').filter(Boolean),
  };
}

export class UsageError extends Error {}

/** What to tell a person whose server did not start. */
export function startFailure(error: unknown, port: number): string {
  return (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
    ? `Port ${port} is in use; pick another with --port (0 = any free port)`
    : `Mission Control failed to start: ${error instanceof Error ? error.message : error}`;
}

/** `--max-streams N` is the owner token's cap; the total cap (10,000) rises with it when N is larger. */
export function sseOptions({
  pingMs,
  maxStreams,
}: Pick<ServeConfig, 'pingMs' | 'maxStreams'>): Partial<SseOptions> {
  return {
    ...(pingMs === undefined ? {} : { pingMs }),
    ...(maxStreams === undefined
      ? {}
      : { maxOwnerStreams: maxStreams, maxStreams: Math.max(DEFAULT_SSE.maxStreams, maxStreams) }),
  };
}

const MB = 1024 * 1024;

/** The built web UI; found from the sources and from the bundle in out/serve alike. */
export const WEB_ROOT = join(projectRoot(), 'out', 'web');

export async function serve(config: ServeConfig, log: (line: string) => void = console.log) {
  const core = createCore({
    dataDir: config.dataDir,
    ...(config.maxLogMb === undefined ? {} : { logs: { maxTotalBytes: Math.round(config.maxLogMb * MB) } }),
  });
  const { token, origin } = loadOrCreateToken(config.dataDir);
  const loopback = isLoopbackHost(config.host);
  const wildcard = isWildcardHost(config.host);
  // Binding beyond loopback is an explicit choice; the token is always required (there always is one).
  const lanHosts = loopback ? [] : wildcard ? lanHostNames() : [config.host, ...lanHostNames([])];
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      core,
      token,
      host: config.host,
      port: config.port,
      portAttempts: config.portExplicit ? 1 : 20,
      allowHosts: [...lanHosts, ...config.allowHosts],
      webRoot: WEB_ROOT,
      sse: sseOptions(config),
      ...(config.lanAddresses ? { lanAddresses: config.lanAddresses } : {}),
    });
  } catch (error) {
    core.close();
    throw error;
  }
  // "Allow other devices on my network" was left on (desktop panel or PUT /api/remote): open it again
  // before saying we listen, so whoever waits for that line finds the LAN listener up too.
  const remote = await server.remote.restore();
  log(`Mission Control listening on ${server.url}`);
  log(`Token: ${origin} (send it as "Authorization: Bearer <token>")`);
  const link = (base: string) => `${base}/#token=${encodeURIComponent(token)}`;
  if (wildcard) {
    log(`Board: ${link(`http://127.0.0.1:${server.port}`)}`);
    for (const { address } of lanAddresses())
      log(`Board (other devices): ${link(`http://${urlHost(address)}:${server.port}`)}`);
  } else {
    log(`Board: ${link(server.url)}`);
  }
  if (!loopback)
    log('Listening beyond loopback: anyone who can reach this address needs the token to get in.');
  if (remote.error) log(`Other devices: could not listen again (${remote.error})`);
  else if (!remote.status.fixed)
    for (const url of remote.status.urls) log(`Board (other devices): ${link(url)}`);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= server.close().finally(() => core.close());
    return stopping;
  };
  return { server, core, token, stop };
}

/**
 * The one start-up of the headless server (`npm run serve` and `mission-control serve`): parse the
 * flags, start, run until SIGINT/SIGTERM, stop cleanly. Answers the exit code.
 */
export async function runServe(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let config: ServeConfig;
  try {
    config = parseServeArgs(argv, env);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(message);
    return error instanceof UsageError && message === USAGE ? 0 : 2;
  }
  let running: Awaited<ReturnType<typeof serve>>;
  try {
    running = await serve(config);
  } catch (error) {
    console.error(startFailure(error, config.port));
    return 1;
  }
  // `on`, not `once`: a terminal and a wrapper script may both deliver the same Ctrl-C.
  await new Promise<void>((done) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => done());
  });
  await running.stop();
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void runServe(process.argv.slice(2)).then((code) => process.exit(code));
}
