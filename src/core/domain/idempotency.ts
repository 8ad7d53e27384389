// Exactly-once writes for retried requests: the answer is stored in the same transaction as the write.
import { createHash } from 'node:crypto';
import { DomainError } from './errors.ts';
import type { Transactions } from './transactions.ts';

export interface StoredAnswer {
  status: number;
  body: unknown;
}

const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export function createIdempotency(tx: Transactions) {
  const { db } = tx;
  const find = db.prepare<[string], { fingerprint: string; status: number; body: string }>(
    'SELECT fingerprint, status, body FROM idempotency_keys WHERE key = ?',
  );
  const save = db.prepare(
    'INSERT INTO idempotency_keys (key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const prune = db.prepare<[string]>('DELETE FROM idempotency_keys WHERE created_at < ?');

  return {
    /**
     * Runs `write` once per key. A retry with the same key and the same request gets the stored
     * answer (`replayed: true`); the same key on a different request is refused.
     */
    run(key: string, request: string, write: () => StoredAnswer): StoredAnswer & { replayed: boolean } {
      const fingerprint = createHash('sha256').update(request).digest('hex');
      return tx.write(() => {
        const previous = find.get(key);
        if (previous) {
          if (previous.fingerprint !== fingerprint) {
            throw new DomainError(
              'unprocessable',
              'Idempotency-Key was already used for a different request',
              {
                key,
              },
            );
          }
          return { status: previous.status, body: JSON.parse(previous.body), replayed: true };
        }
        const answer = write();
        save.run(key, fingerprint, answer.status, JSON.stringify(answer.body ?? null), tx.now());
        return { ...answer, replayed: false };
      });
    },
    prune(now = Date.now()): number {
      return prune.run(new Date(now - IDEMPOTENCY_RETENTION_MS).toISOString()).changes;
    },
  };
}
