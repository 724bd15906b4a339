import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The two engines loa stores state in. */
export type Engine = 'sqlite' | 'postgres';

/**
 * One versioned schema change. Migrations are append-only: a released migration is never
 * edited; a change is a new version (evidence log, rundowns and bulletins come later).
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<Database>, engine: Engine): Promise<void>;
}

/** An auto-incrementing integer primary key, the one column type the engines spell apart. */
function serialType(engine: Engine) {
  return engine === 'postgres' ? ('serial' as const) : ('integer' as const);
}

// NOTE: `Kysely<any>` is how Kysely recommends writing migrations: the schema changes under them.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

async function queueTables(db: AnyDb, engine: Engine): Promise<void> {
  await db.schema
    .createTable('items')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('slot_override', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('item_versions')
    .ifNotExists()
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_versions_pk', ['item_id', 'version'])
    .execute();
  const serial = serialType(engine);
  await db.schema
    .createTable('item_events')
    .ifNotExists()
    .addColumn('id', serial, (c) =>
      engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('item_events_item')
    .ifNotExists()
    .on('item_events')
    .columns(['item_id', 'id'])
    .execute();
}

async function outboxTables(db: AnyDb, engine: Engine): Promise<void> {
  await db.schema
    .createTable('publications')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('item_version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('planned_by', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('needs_reconcile', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('external_id', 'text')
    .addColumn('url', 'text')
    .addColumn('published_at', 'text')
    .addColumn('sent_hash', 'text')
    .addColumn('last_error', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('publications_due')
    .ifNotExists()
    .on('publications')
    .columns(['status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('publications_item')
    .ifNotExists()
    .on('publications')
    .columns(['item_id', 'channel_id'])
    .execute();
  await db.schema
    .createIndex('publications_channel_slot')
    .ifNotExists()
    .on('publications')
    .columns(['channel_id', 'slot'])
    .execute();
  await db.schema
    .createTable('publication_attempts')
    .ifNotExists()
    .addColumn('id', serialType(engine), (c) =>
      engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('publication_key', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('worker', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema
    .createIndex('publication_attempts_key')
    .ifNotExists()
    .on('publication_attempts')
    .column('publication_key')
    .execute();
  await db.schema
    .createTable('channel_states')
    .ifNotExists()
    .addColumn('channel_id', 'text', (c) => c.primaryKey())
    .addColumn('paused', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('since', 'text', (c) => c.notNull())
    .execute();
}

/** Every migration, in order. Append new ones at the end; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'queue: items, versions, state changes', up: queueTables },
  { version: 2, name: 'outbox: publications, attempts, channel states', up: outboxTables },
];

/** The migration bookkeeping table; created before anything else. */
export async function ensureMigrationTable(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('loa_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
}

/** Versions already applied. */
export async function appliedVersions(db: Kysely<Database>): Promise<Set<number>> {
  const rows = await db.selectFrom('loa_migrations').select('version').execute();
  return new Set(rows.map((r) => Number(r.version)));
}
