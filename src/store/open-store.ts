import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { LoaError } from '../errors/loa-error.js';
import { dialectFor } from './dialect.js';
import { dbOf, QUERIES, type StoreDb, txOf } from './handle.js';
import { LOCKS, lockFor } from './locks.js';
import { appliedVersions, type Engine, ensureMigrationTable, MIGRATIONS } from './migrations.js';
import { namedStatementPool } from './named-statements.js';
import type { Database, PublicationRow } from './schema.js';
import { registerSqlite } from './sqlite-handle.js';
import { withStatementCache } from './statement-cache.js';
import type { ClaimRequest, Store, Tx } from './types.js';

/** How to open the store. */
export interface StoreOptions {
  /** PostgreSQL connection string; when absent, SQLite in `dataDir`. */
  databaseUrl?: string;
  /** The data directory; the SQLite file is `<dataDir>/loa.db`. */
  dataDir?: string;
  /** How long SQLite waits for a lock held by another process before failing. */
  busyTimeoutMs?: number;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

/** The data directory: `LOA_DATA_DIR`, default `./data`. */
export function dataDirFrom(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.LOA_DATA_DIR || 'data');
}

/** Store options from the environment (`LOA_DATABASE_URL`, `LOA_DATA_DIR`, `LOA_BUSY_TIMEOUT_MS`). */
export function storeOptionsFrom(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  const busy = Number(env.LOA_BUSY_TIMEOUT_MS);
  return {
    databaseUrl: env.LOA_DATABASE_URL || undefined,
    dataDir: dataDirFrom(env),
    ...(Number.isInteger(busy) && busy >= 0 ? { busyTimeoutMs: busy } : {}),
  };
}

const LOCKED = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_BUSY_SNAPSHOT']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', '57P03']);

/** Turns an engine error into a LoaError the user can act on; others pass through. */
export function storeError(error: unknown, location: string): unknown {
  if (error instanceof LoaError) return error;
  const code = String((error as { code?: unknown })?.code ?? '');
  if (LOCKED.has(code)) {
    return new LoaError('STORE_LOCKED', {
      params: { location },
      cause: error,
      failure: 'transient',
      kind: 'conflict',
    });
  }
  if (UNREACHABLE.has(code) || /connect|terminat/i.test(String((error as Error)?.message))) {
    return new LoaError('STORE_UNREACHABLE', {
      params: { location, reason: code || String((error as Error)?.message) },
      cause: error,
      failure: 'transient',
    });
  }
  return error;
}

/** host/database[/schema] of a connection string, without user or password. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const schema = /search_path[= ]([\w-]+)/.exec(decodeURIComponent(u.search))?.[1];
    return `postgres://${u.host}${u.pathname}${schema ? ` (schema ${schema})` : ''}`;
  } catch {
    return 'postgres';
  }
}

class KyselyStore implements Store {
  constructor(
    readonly engine: Engine,
    readonly location: string,
    private readonly db: StoreDb,
    /** SQLite: the database under `db`, for the store's prepared-statement fast paths. */
    private readonly sqlite?: BetterSqlite3.Database,
  ) {
    if (sqlite) registerSqlite(db, sqlite);
    this[QUERIES] = db;
  }

  /** The query builder repository functions run on (dbOf); no public member. */
  readonly [QUERIES]: StoreDb;

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      if (this.engine === 'postgres') {
        return await this.db.transaction().execute((tx) => fn(txOf(tx)));
      }
      // NOTE: a deferred SQLite transaction that later writes can fail with SQLITE_BUSY
      // without waiting; BEGIN IMMEDIATE takes the write lock up front and honours busy_timeout.
      return await this.db.connection().execute(async (conn) => {
        if (this.sqlite) registerSqlite(conn, this.sqlite);
        await sql`begin immediate`.execute(conn);
        try {
          const result = await fn(txOf(conn));
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn).catch(() => undefined);
          throw error;
        }
      });
    } catch (error) {
      throw storeError(error, this.location);
    }
  }

  async claimDue(request: ClaimRequest): Promise<PublicationRow[]> {
    const claimed: PublicationRow[] = [];
    for (const channel of request.channels) {
      const skipLocked = dialectFor(this.engine).rowLocks;
      claimed.push(
        ...(await this.transaction((tx) => claimWith(dbOf(tx), channel, request, skipLocked))),
      );
    }
    return claimed.sort((a, b) => a.due_at.localeCompare(b.due_at) || a.key.localeCompare(b.key));
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** Selects due rows of a channel (locking them on PostgreSQL) and leases them. */
async function claimWith(
  tx: Kysely<Database>,
  channel: string,
  request: ClaimRequest,
  skipLocked: boolean,
): Promise<PublicationRow[]> {
  let query = tx
    .selectFrom('publications')
    .select('key')
    .where('channel_id', '=', channel)
    .where('status', '=', 'scheduled')
    .where('due_at', '<=', request.now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', request.now)]))
    .orderBy('due_at')
    .orderBy('key')
    .limit(request.perChannel);
  if (skipLocked) query = query.forUpdate().skipLocked();
  const keys = (await query.execute()).map((r) => r.key);
  if (keys.length === 0) return [];
  return tx
    .updateTable('publications')
    .set((eb) => ({
      lease_owner: request.worker,
      lease_until: request.leaseUntil,
      needs_reconcile: eb
        .case()
        .when('lease_owner', 'is not', null)
        .then(1)
        .else(eb.ref('needs_reconcile'))
        .end(),
    }))
    .where('key', 'in', keys)
    .returningAll()
    .execute();
}

async function migrate(store: KyselyStore): Promise<void> {
  await store.transaction(async (on) => {
    const tx = dbOf(on);
    await lockFor(on, LOCKS.migrate);
    await ensureMigrationTable(tx);
    const applied = await appliedVersions(tx);
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await migration.up(tx, store.engine);
      await tx
        .insertInto('loa_migrations')
        .values({
          version: migration.version,
          name: migration.name,
          applied_at: new Date().toISOString(),
        })
        .execute();
    }
  });
}

/**
 * Opens the store (PostgreSQL when a URL is given, else SQLite in WAL mode in the data
 * directory) and applies pending migrations. Throws STORE_UNREACHABLE / STORE_LOCKED.
 */
export async function openStore(options: StoreOptions = storeOptionsFrom()): Promise<Store> {
  let store: KyselyStore;
  if (options.databaseUrl) {
    const location = describeUrl(options.databaseUrl);
    // NOTE: the PostgreSQL driver is loaded only for a PostgreSQL store, not by every start.
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 4,
      connectionTimeoutMillis: 5_000,
    });
    pool.on('error', () => undefined);
    store = new KyselyStore(
      'postgres',
      location,
      new Kysely({ dialect: new PostgresDialect({ pool: namedStatementPool(pool) }) }),
    );
  } else {
    const dir = resolve(options.dataDir ?? 'data');
    const file = join(dir, 'loa.db');
    try {
      mkdirSync(dir, { recursive: true });
      const database = new BetterSqlite3(file, { timeout: options.busyTimeoutMs ?? 5_000 });
      database.pragma('journal_mode = WAL');
      // NOTE: WAL + NORMAL survives a killed process (not a power cut) and is much faster.
      database.pragma('synchronous = NORMAL');
      store = new KyselyStore(
        'sqlite',
        file,
        new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }),
        database,
      );
    } catch (error) {
      throw storeError(error, file);
    }
  }
  try {
    await migrate(store);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw storeError(error, store.location);
  }
  return store;
}

/** Opens the store, runs `work` with it and closes it again, also when `work` throws. */
export async function withStore<T>(
  work: (store: Store) => Promise<T>,
  options: StoreOptions = storeOptionsFrom(),
): Promise<T> {
  const store = await openStore(options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
