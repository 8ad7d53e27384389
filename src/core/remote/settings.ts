// Persisted settings: one JSON value per key in the `settings` table, read back through a zod schema.
import type { z } from 'zod';
import type { Transactions } from '../domain/transactions.ts';

export function createSettings(tx: Transactions) {
  const select = tx.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const upsert = tx.db.prepare<[string, string, string]>(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  return {
    /** The stored value, or `fallback` when it is missing or no longer matches the schema. */
    get<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
      const row = select.get(key);
      if (!row) return fallback;
      const parsed = schema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : fallback;
    },
    set(key: string, value: unknown): void {
      upsert.run(key, JSON.stringify(value), tx.now());
    },
  };
}
