import type { Kysely } from 'kysely';
import { dialectOf } from './dialect.js';
import type { Database } from './schema.js';

/** Transaction-scoped locks that serialise work across processes. */
export const LOCKS = { migrate: 4242001, planning: 4242002 } as const;

/**
 * Takes a lock held until the transaction ends. On PostgreSQL an advisory lock; on SQLite
 * nothing is needed, since every write transaction is BEGIN IMMEDIATE and so already serial.
 */
export async function lockFor(
  tx: Kysely<Database>,
  lock: (typeof LOCKS)[keyof typeof LOCKS],
): Promise<void> {
  await dialectOf(tx).lock(tx, lock);
}
