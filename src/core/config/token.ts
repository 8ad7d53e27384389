// The bearer token agents and browsers present: generated once per data dir, or given by env.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TOKEN_FILE = 'token';
export const TOKEN_ENV = 'MISSION_CONTROL_TOKEN';

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

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares in constant time: both sides are hashed to the same length first. */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** The cookie a browser holds is derived from the token, so the token itself never sits in a cookie. */
export function sessionCookieValue(token: string): string {
  return createHmac('sha256', token).update('mission-control browser session v1').digest('base64url');
}
