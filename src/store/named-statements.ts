import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** The statements run as named (prepared) statements on PostgreSQL: SQL text → name. */
const NAMES = new Map<string, string>();

/**
 * Marks a statement's SQL as one that runs again and again (see `reusableQuery`): on
 * PostgreSQL it is then parsed and planned once per connection, as a named statement.
 */
export function nameStatement(text: string): void {
  if (!NAMES.has(text)) NAMES.set(text, `loa_${NAMES.size + 1}`);
}

/** PostgreSQL's answer when a named statement's result columns changed under it. */
const STALE_PLAN = '0A000';

/**
 * A pool for Kysely whose connections run the statements given to `nameStatement` as named
 * statements, and every other query as it is.
 *
 * NOTE: an unnamed statement is parsed and planned by the server at each run; for the
 * dispatcher's small queries that cost more than running them (about three times the
 * server's time for the item read before each send). A connection whose named statement
 * no longer fits its table (a column added by a newer loa's migration) is closed when it
 * is released, so the next one prepares it again.
 */
export function namedStatementPool(pool: pg.Pool): PostgresPool {
  // Kysely keeps its own state per client object: give it the same wrapper each time.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = namedStatementClient(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

function namedStatementClient(client: pg.PoolClient): PostgresPoolClient {
  let stale = false;
  return {
    // A cursor (Kysely's stream) or an unnamed statement passes through as it is.
    query: ((text: string, values?: unknown[]) => {
      const name = NAMES.get(text);
      if (name === undefined) return client.query(text, values);
      return client.query({ name, text, values }).catch((error: unknown) => {
        if ((error as { code?: unknown })?.code === STALE_PLAN) stale = true;
        throw error;
      });
    }) as unknown as PostgresPoolClient['query'],
    release: () => {
      client.release(stale || undefined);
      stale = false;
    },
  };
}
