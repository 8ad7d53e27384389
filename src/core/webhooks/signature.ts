// Standard Webhooks signing (https://www.standardwebhooks.com): `v1,` + base64 HMAC-SHA256 of
// `{id}.{timestamp}.{body}`, keyed with the base64-decoded secret after `whsec_`.
import { createHmac, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';

/** 24 random bytes: what the Standard Webhooks libraries expect (24 to 64). */
export const newSecret = (): string => `${SECRET_PREFIX}${randomBytes(24).toString('base64')}`;

/** Decoded keys of the secrets in use (decoding one per request showed in profiles). */
const keys = new Map<string, KeyObject>();

function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= 1000) keys.clear();
    key = createSecretKey(Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64'));
    keys.set(secret, key);
  }
  return key;
}

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = keyOf(secret);
  const mac = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}

export function signedHeaders(secret: string, id: string, timestamp: number, body: string) {
  return {
    'content-type': 'application/json',
    'user-agent': 'MissionControl-Webhooks/1',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': sign(secret, id, timestamp, body),
  };
}
