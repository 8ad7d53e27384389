// Request guards: Host allow-list (DNS rebinding), Origin check (CSRF), bearer/cookie auth, failed-auth brake.
import type { FastifyRequest } from 'fastify';
import { API_HEADERS, SESSION_COOKIE } from '../../shared/api.ts';
import { safeEqual, sessionCookieValue } from '../config/token.ts';
import { HttpError } from '../errors.ts';

/** `Host` without its port; brackets of an IPv6 literal removed; lower case. */
function parseHostname(host: string): string | null {
  try {
    return new URL(`http://${host}`).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Parsing a URL per request cost up to ~2 µs of a ~55 µs write (bench/report/analysis.md), and clients
 * send the same few Host values over and over: remember the answers, a bounded number of them.
 */
const hostnames = new Map<string, string | null>();
function hostnameOf(host: string | undefined): string | null {
  if (!host) return null;
  let name = hostnames.get(host);
  if (name === undefined) {
    name = parseHostname(host);
    if (hostnames.size >= 256) hostnames.clear();
    hostnames.set(host, name);
  }
  return name;
}

export interface GuardOptions {
  token: string;
  allowedHosts: ReadonlySet<string>;
  /** Extra origins allowed to call the API from a browser (CORS stays closed without them). */
  allowedOrigins: ReadonlySet<string>;
}

export interface Principal {
  method: 'bearer' | 'cookie';
  scope: 'read' | 'write';
  /** Set when a device token (not the owner token) was used. */
  deviceId: string | null;
}

/** Recognises device tokens and cookies; without it only the owner token is accepted. */
export interface DeviceAuth {
  fromToken(token: string): { id: string; scope: 'read' | 'write' } | null;
  fromCookie(value: string): { id: string; scope: 'read' | 'write' } | null;
}

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function checkHost(request: FastifyRequest, options: GuardOptions): void {
  const name = hostnameOf(request.headers.host);
  if (!name || !options.allowedHosts.has(name)) {
    throw new HttpError(
      403,
      'forbidden_host',
      `Host ${JSON.stringify(request.headers.host ?? '')} is not allowed`,
    );
  }
}

/** A browser's Origin must be this server itself (or one configured); non-browsers send none. */
export function checkOrigin(request: FastifyRequest, options: GuardOptions): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  if (options.allowedOrigins.has(origin)) return;
  let sameOrigin = false;
  try {
    // Both through URL, so a default port written on one side only (`localhost:80`) still matches.
    sameOrigin = new URL(origin).host === new URL(`http://${request.headers.host}`).host;
  } catch {
    sameOrigin = false;
  }
  if (!sameOrigin)
    throw new HttpError(403, 'forbidden_origin', `Origin ${JSON.stringify(origin)} is not allowed`);
}

/** Returns who the request proved itself to be, or null. */
export function authenticate(
  request: FastifyRequest,
  options: GuardOptions,
  devices?: DeviceAuth,
): Principal | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (!token) return null;
    if (safeEqual(token, options.token)) return { method: 'bearer', scope: 'write', deviceId: null };
    const device = devices?.fromToken(token);
    return device ? { method: 'bearer', scope: device.scope, deviceId: device.id } : null;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (!cookie) return null;
  const owner = safeEqual(cookie, sessionCookieValue(options.token));
  const device = owner ? null : devices?.fromCookie(cookie);
  if (!owner && !device) return null;
  // A cookie rides along on cross-site requests too; a write must show it came from our own page.
  if (!SAFE_METHODS.has(request.method) && request.headers.origin === undefined) {
    throw new HttpError(403, 'origin_required', 'A browser write needs a same-origin Origin header');
  }
  return device
    ? { method: 'cookie', scope: device.scope, deviceId: device.id }
    : { method: 'cookie', scope: 'write', deviceId: null };
}

/** Slows guessing: after `limit` failed attempts in `windowMs` an address gets 429 until the window passes. */
export class FailedAuthBrake {
  readonly #failures = new Map<string, { count: number; since: number }>();
  readonly limit: number;
  readonly windowMs: number;
  constructor(limit = 20, windowMs = 60_000) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  check(address: string, now = Date.now()): void {
    const entry = this.#failures.get(address);
    if (!entry) return;
    if (now - entry.since > this.windowMs) {
      this.#failures.delete(address);
      return;
    }
    if (entry.count >= this.limit) {
      const retryAfter = Math.ceil((entry.since + this.windowMs - now) / 1000);
      throw new HttpError(429, 'too_many_failed_attempts', 'Too many failed authentications; try later', {
        retry_after_s: retryAfter,
      });
    }
  }

  fail(address: string, now = Date.now()): void {
    const entry = this.#failures.get(address);
    if (!entry || now - entry.since > this.windowMs) this.#failures.set(address, { count: 1, since: now });
    else entry.count += 1;
    if (this.#failures.size > 10_000) this.#failures.clear(); // bounded memory under a spray of addresses
  }
}

/** `If-Match: 3`, `"3"` or `W/"3"` → 3; absent or `*` → undefined. */
export function parseIfMatch(request: FastifyRequest): number | undefined {
  const raw = request.headers[API_HEADERS.ifMatch];
  if (raw === undefined || raw === '*') return undefined;
  const match = typeof raw === 'string' ? /^(?:W\/)?"?(\d{1,15})"?$/.exec(raw.trim()) : null;
  if (!match?.[1]) throw new HttpError(400, 'bad_if_match', 'If-Match must be the task version, e.g. "3"');
  return Number(match[1]);
}
