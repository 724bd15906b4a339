import type { Compilable, CompiledQuery, Kysely, QueryResult, RawBuilder } from 'kysely';
import { nameStatement } from './named-statements.js';
import type { Database } from './schema.js';

interface Compiled {
  query: CompiledQuery;
  /** For each parameter of the compiled SQL, the argument it takes. */
  order: number[];
}

/**
 * A query that is built and compiled once per SQL dialect (and per `shape`, for builders
 * that vary: `build` gets it), then run again with new arguments.
 *
 * NOTE: building and compiling a Kysely query costs about as much as SQLite running it; the
 * dispatcher settles each publication with a handful of small queries, thousands per pass
 * when catching up (tests/bench/dispatch.bench.ts). `build` is called with sentinel values
 * in place of its arguments; the compiled SQL's parameters are matched back to them, so every
 * value that may change, null included, must be an argument.
 */
export function reusableQuery<A extends unknown[], R>(
  build: (db: Kysely<Database>, shape: string, ...args: A) => Compilable<R>,
): (db: Kysely<Database>, shape: string, ...args: A) => Promise<QueryResult<R>> {
  const cache = new Map<unknown, Map<string, Compiled>>();
  return async (db, shape, ...args) => {
    // Transactions are other Kysely instances over the same dialect: key by its adapter.
    const dialect = db.getExecutor().adapter.constructor;
    let shapes = cache.get(dialect);
    if (!shapes) {
      shapes = new Map();
      cache.set(dialect, shapes);
    }
    let compiled = shapes.get(shape);
    if (!compiled) {
      const sentinels = args.map((_, i) => `\u0000loa-argument-${i}\u0000`);
      const query = build(db, shape, ...(sentinels as A)).compile();
      const order = query.parameters.map((p) => sentinels.indexOf(p as string));
      if (order.includes(-1)) {
        throw new Error(`reusableQuery: a parameter of "${query.sql}" is not an argument`);
      }
      nameStatement(query.sql);
      compiled = { query, order };
      shapes.set(shape, compiled);
    }
    const { query, order } = compiled;
    return db.executeQuery<R>({ ...query, parameters: order.map((i) => args[i]) });
  };
}

/** A raw statement as something `reusableQuery` compiles. */
export function compilable<R>(db: Kysely<Database>, query: RawBuilder<R>): Compilable<R> {
  return { compile: () => query.compile(db) };
}

/**
 * The most rows one set-based statement takes: each count is its own compiled shape, so
 * lists are cut into parts of at most this many.
 */
export const CHUNK = 32;

/** `list` in consecutive parts of at most {@link CHUNK}. */
export function chunks<T>(list: readonly T[]): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) parts.push(list.slice(i, i + CHUNK));
  return parts;
}
