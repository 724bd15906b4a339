import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { Engine } from './migrations.js';
import type { Database } from './schema.js';

/**
 * Everything that differs between SQLite and PostgreSQL, in one place (after drizzle-orm's
 * dialect/session split): the rest of src/store builds its SQL from these pieces, and no
 * code outside src/store knows which engine it runs on.
 */
export interface Dialect {
  readonly engine: Engine;
  /**
   * Whether rows are locked by `select … for update` (and `skip locked` passes rows another
   * worker holds). SQLite has no row locks: its BEGIN IMMEDIATE write transactions are serial.
   */
  readonly rowLocks: boolean;
  /** Takes a lock held until the transaction ends (SQLite: nothing, writers are serial). */
  lock(tx: Kysely<Database>, lock: number): Promise<void>;
  /** `haystack` contains the text `needle`. */
  contains(haystack: RawBuilder<unknown>, needle: RawBuilder<unknown>): RawBuilder<boolean>;
  /** The values of a group joined by `separator`, in the order the rows come. */
  joined(value: RawBuilder<unknown>, separator: string): RawBuilder<string>;
  /** The texts of a group joined, as bytes (SQLite: exactly as stored). */
  joinedBytes(text: RawBuilder<unknown>): RawBuilder<Uint8Array | string>;
  /** The length of a text in UTF-8 bytes, as text. */
  byteLength(text: RawBuilder<unknown>): RawBuilder<string>;
  /** A number as text (for joining). */
  numberAsText(value: RawBuilder<unknown>): RawBuilder<string>;
  /** A text column as its bytes. */
  bytes(text: RawBuilder<unknown>): RawBuilder<Buffer>;
  /** Valid UTF-8 bytes stored as text (no string made of them on the way). */
  text(bytes: Buffer): RawBuilder<string>;
}

const sqlite: Dialect = {
  engine: 'sqlite',
  rowLocks: false,
  lock: async () => undefined,
  contains: (haystack, needle) => sql<boolean>`instr(${haystack}, ${needle}) > 0`,
  joined: (value, separator) => sql<string>`group_concat(${value}, ${sql.lit(separator)})`,
  joinedBytes: (text) => sql<Uint8Array>`cast(group_concat(${text}, '') as blob)`,
  // NOTE: octet_length (SQLite 3.43+) counts the stored UTF-8 bytes without copying them out.
  byteLength: (text) => sql<string>`octet_length(${text})`,
  numberAsText: (value) => sql<string>`${value}`,
  bytes: (text) => sql<Buffer>`cast(${text} as blob)`,
  text: (bytes) => sql<string>`cast(${bytes} as text)`,
};

const postgres: Dialect = {
  engine: 'postgres',
  rowLocks: true,
  lock: async (tx, lock) => {
    await sql`select pg_advisory_xact_lock(${lock})`.execute(tx);
  },
  contains: (haystack, needle) => sql<boolean>`strpos(${haystack}, ${needle}) > 0`,
  joined: (value, separator) => sql<string>`string_agg(${value}, ${sql.lit(separator)})`,
  joinedBytes: (text) => sql<string>`string_agg(${text}, '')`,
  byteLength: (text) => sql<string>`octet_length(${text})::text`,
  numberAsText: (value) => sql<string>`${value}::text`,
  bytes: (text) => sql<Buffer>`convert_to(${text}, 'UTF8')`,
  text: (bytes) => sql<string>`convert_from(${bytes}, 'UTF8')`,
};

/** The dialect of an engine. */
export function dialectFor(engine: Engine): Dialect {
  return engine === 'postgres' ? postgres : sqlite;
}

/**
 * The dialect of a store handle (the store's own, or a transaction's): told by the handle's
 * query adapter, so callers pass the handle and never the engine.
 */
export function dialectOf(db: Kysely<Database>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgres : sqlite;
}
