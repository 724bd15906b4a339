import { dialectOf } from './dialect.js';
import { dbOf } from './handle.js';
import type { Db } from './types.js';

/** Transaction-scoped locks that serialise work across processes. */
export const LOCKS = { migrate: 4242001, planning: 4242002 } as const;

/**
 * Takes a lock held until the transaction ends. On PostgreSQL an advisory lock; on SQLite
 * nothing is needed, since every write transaction is BEGIN IMMEDIATE and so already serial.
 */
export async function lockFor(on: Db, lock: (typeof LOCKS)[keyof typeof LOCKS]): Promise<void> {
  const tx = dbOf(on);
  await dialectOf(tx).lock(tx, lock);
}
