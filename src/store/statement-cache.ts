import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** How many prepared statements are kept; queries with `in (…)` lists vary, so it is bounded. */
const CACHE_SIZE = 256;

/**
 * A better-sqlite3 database for Kysely's SqliteDialect that reuses prepared statements.
 * NOTE: Kysely's SQLite driver calls `prepare(sql)` for every query; preparing cost more than
 * running the statement on the dispatcher's hot path (measured in tests/bench/dispatch.bench.ts).
 * better-sqlite3 statements are reusable, and loa never streams (iterates) a statement, so one
 * cached statement is never in use twice at once.
 */
export function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (statement) {
        // Most recently used last, so the oldest is evicted first.
        cache.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (cache.size >= CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(sql, statement);
      return statement as unknown as SqliteStatement;
    },
  };
}
