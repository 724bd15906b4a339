import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Db, Tx } from './types.js';

/**
 * The query builder under a store or a transaction. Known only inside src/store: code above
 * passes a `Db` (the store, or the transaction `store.transaction` hands it) to repository
 * functions, which build and run the SQL.
 */
export type StoreDb = Kysely<Database>;

/** Where a store object keeps its query builder (a symbol, so it is no public member). */
export const QUERIES: unique symbol = Symbol('loa.store.queries');

/** The query builder a repository function runs on: the store's own, or the transaction. */
export function dbOf(on: Db): StoreDb {
  return (on as { [QUERIES]?: StoreDb })[QUERIES] ?? (on as unknown as StoreDb);
}

/** A transaction's query builder as the handle repository functions take. */
export function txOf(db: StoreDb): Tx {
  return db as unknown as Tx;
}
