// The bearer token agents and browsers present: generated once per data dir, or given by env.
import { createHmac, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TOKEN_FILE = 'token';
const TOKEN_ENV = 'MISSION_CONTROL_TOKEN';

export interface TokenSource {
  token: string;
  /** Where it came from, for the startup message (never the token itself). */
  origin: string;
}

export function loadOrCreateToken(dataDir: string, env: NodeJS.ProcessEnv = process.env): TokenSource {
  const fromEnv = env[TOKEN_ENV]?.trim();
  if (fromEnv) return { token: fromEnv, origin: `the ${TOKEN_ENV} environment variable` };
  const file = join(dataDir, TOKEN_FILE);
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    const token = readFileSync(file, 'utf8').trim();
    if (token) return { token, origin: file };
  }
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, origin: file };
}

// One-shot: a Hash object per request (createHash) cost ~2 µs of a ~52 µs write (bench/report/analysis.md).
const digest = (value: string) => hash('sha256', value, 'buffer');

/** Remembers the last answer: the expected side is the same server secret on every request. */
function memoLast<T>(compute: (key: string) => T): (key: string) => T {
  let lastKey: string | undefined;
  let lastValue: T | undefined;
  return (key) => {
    if (key !== lastKey || lastValue === undefined) {
      lastValue = compute(key);
      lastKey = key;
    }
    return lastValue;
  };
}

const expectedDigest = memoLast(digest);

/** Compares in constant time: both sides are hashed to the same length first (`b` is the secret). */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), expectedDigest(b));
}

/** The cookie a browser holds is derived from the token, so the token itself never sits in a cookie. */
export const sessionCookieValue = memoLast((token: string) =>
  createHmac('sha256', token).update('mission-control browser session v1').digest('base64url'),
);
