// The real server bound to a non-loopback address, reached from another network namespace.
// Needs root and iproute2 (`ip netns`); skips with the reason where the machine does not allow it.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './testing/harness.ts';

const tag = `${process.pid % 10_000}${randomInt(100)}`;
const SERVER_NS = `mc-srv-${tag}`;
const CLIENT_NS = `mc-cli-${tag}`;
const subnet = `10.231.${randomInt(1, 250)}`;
const SERVER_IP = `${subnet}.1`;
const CLIENT_IP = `${subnet}.2`;
const TOKEN = 'netns-test-token';
const PORT = 4555;

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });

function netnsUnavailable(): string | null {
  try {
    ip('netns', 'add', SERVER_NS);
    ip('netns', 'add', CLIENT_NS);
    return null;
  } catch (error) {
    return `network namespaces unavailable here (${String((error as Error).message).split('\n')[0]})`;
  }
}

const skipReason = netnsUnavailable();
if (skipReason) console.warn(`SKIPPED lan.netns.test.ts: ${skipReason}`);

/** Runs a short fetch script inside a namespace; answers what the script prints. */
function inNamespace(ns: string, script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('ip', ['netns', 'exec', ns, process.execPath, '--input-type=module', '-e', script]);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`exit ${code}: ${out}`)),
    );
  });
}

describe.skipIf(skipReason !== null)('a browser on another host (network namespaces)', () => {
  let server: ChildProcess | undefined;
  const data = tempDir();

  beforeAll(async () => {
    ip('link', 'add', `veth-s${tag}`, 'type', 'veth', 'peer', 'name', `veth-c${tag}`);
    ip('link', 'set', `veth-s${tag}`, 'netns', SERVER_NS);
    ip('link', 'set', `veth-c${tag}`, 'netns', CLIENT_NS);
    for (const [ns, dev, addr] of [
      [SERVER_NS, `veth-s${tag}`, SERVER_IP],
      [CLIENT_NS, `veth-c${tag}`, CLIENT_IP],
    ] as const) {
      ip('-n', ns, 'addr', 'add', `${addr}/30`, 'dev', dev);
      ip('-n', ns, 'link', 'set', dev, 'up');
      ip('-n', ns, 'link', 'set', 'lo', 'up');
    }
    server = spawn(
      'ip',
      [
        'netns',
        'exec',
        SERVER_NS,
        process.execPath,
        'src/core/serve.ts',
        '--host',
        SERVER_IP,
        '--port',
        String(PORT),
        '--data-dir',
        data.dir,
      ],
      { env: { ...process.env, MISSION_CONTROL_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 15_000);
      const onData = (d: Buffer) => {
        out += d;
        if (out.includes(`listening on http://${SERVER_IP}:${PORT}`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      server?.stdout?.on('data', onData);
      server?.stderr?.on('data', onData);
    });
  });

  afterAll(() => {
    server?.kill('SIGKILL');
    for (const ns of [SERVER_NS, CLIENT_NS]) {
      try {
        ip('netns', 'del', ns);
      } catch {
        // already gone
      }
    }
    data.cleanup();
  });

  const base = `http://${SERVER_IP}:${PORT}`;

  it('follows the stream from the other host and sees writes made on the server side', async () => {
    const follower = inNamespace(
      CLIENT_NS,
      `const res = await fetch('${base}/api/events/stream', { headers: { authorization: 'Bearer ${TOKEN}' } });
       const reader = res.body.getReader(); let text = '';
       const deadline = Date.now() + 10000;
       while (!text.includes('task_created') && Date.now() < deadline) {
         const { value, done } = await reader.read(); if (done) break; text += new TextDecoder().decode(value);
       }
       console.log(res.status, text.includes('"title":"written on the server"') ? 'seen' : 'missing'); process.exit(0);`,
    );
    await new Promise((r) => setTimeout(r, 800));
    const written = await inNamespace(
      SERVER_NS,
      `const res = await fetch('${base}/api/tasks', { method: 'POST',
         headers: { authorization: 'Bearer ${TOKEN}', 'content-type': 'application/json' },
         body: JSON.stringify({ title: 'written on the server' }) });
       console.log(res.status);`,
    );
    expect(written).toBe('201');
    expect(await follower).toBe('200 seen');
  });

  it('refuses the other host without the token (401) and with an unlisted Host name (403)', async () => {
    const answer = await inNamespace(
      CLIENT_NS,
      `const a = await fetch('${base}/api/tasks');
       const http = await import('node:http');
       const b = await new Promise((resolve) => http.get({ host: '${SERVER_IP}', port: ${PORT}, path: '/api/tasks',
         headers: { host: 'unlisted.example', authorization: 'Bearer ${TOKEN}' } }, (res) => resolve(res.statusCode)));
       console.log(a.status, b); process.exit(0);`,
    );
    expect(answer).toBe('401 403');
  });
});
