import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * The better-sqlite3 database behind a store handle (the store's own, or a transaction's),
 * for the few hot writes that run a cached prepared statement directly: a SQLite store is
 * one connection, so a statement run on it inside a transaction is part of that transaction.
 * NOTE: Kysely's pipeline costs more per row than SQLite's insert (tests/bench/evidence-log).
 */
const handles = new WeakMap<Kysely<Database>, BetterSqlite3.Database>();

/** Records that `db` runs on `database` (open-store, for the store and each transaction). */
export function registerSqlite(db: Kysely<Database>, database: BetterSqlite3.Database): void {
  handles.set(db, database);
}

/** The better-sqlite3 database of a SQLite handle; undefined for PostgreSQL. */
export function sqliteOf(db: Kysely<Database>): BetterSqlite3.Database | undefined {
  return handles.get(db);
}

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/** A prepared statement of `database`, prepared once (the store's few fixed fast-path texts). */
export function prepared(database: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let cache = statements.get(database);
  if (!cache) {
    cache = new Map();
    statements.set(database, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = database.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}
