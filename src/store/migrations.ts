import { type Kysely, sql } from 'kysely';
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

/**
 * The evidence log (issue 6): append-only entries (exact canonical bytes and leaf hash per
 * row), a one-row head with the compact range, and signed checkpoints. Update and delete of
 * entries and checkpoints are refused by the database itself, on both engines.
 */
async function evidenceTables(db: AnyDb, engine: Engine): Promise<void> {
  await db.schema
    .createTable('evidence_entries')
    .ifNotExists()
    .addColumn('idx', 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text')
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('leaf_hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evidence_entries_time')
    .ifNotExists()
    .on('evidence_entries')
    .columns(['time', 'idx'])
    .execute();
  await db.schema
    .createTable('evidence_head')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('hashes', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('evidence_head').values({ id: 1, size: 0, hashes: '' }).execute();
  await db.schema
    .createTable('evidence_checkpoints')
    .ifNotExists()
    .addColumn('id', serialType(engine), (c) =>
      engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .execute();
  for (const table of ['evidence_entries', 'evidence_checkpoints']) {
    if (engine === 'sqlite') {
      for (const op of ['update', 'delete']) {
        await sql
          .raw(
            `create trigger if not exists ${table}_no_${op} before ${op} on ${table} ` +
              `begin select raise(abort, '${table} is append-only'); end`,
          )
          .execute(db);
      }
    } else {
      await sql
        .raw(
          `create or replace function ${table}_append_only() returns trigger language plpgsql as $$ ` +
            `begin raise exception '${table} is append-only' using errcode = 'P0001'; end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger ${table}_no_change before update or delete on ${table} ` +
            `for each row execute function ${table}_append_only()`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger ${table}_no_truncate before truncate on ${table} ` +
            `for each statement execute function ${table}_append_only()`,
        )
        .execute(db);
    }
  }
}

/** Broadcast rundowns: one per programme slot, their state history and as-run records. */
async function rundownTables(db: AnyDb, engine: Engine): Promise<void> {
  const serial = serialType(engine);
  await db.schema
    .createTable('rundowns')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('slot_start', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('minimum_sec', 'integer', (c) => c.notNull())
    .addColumn('planned_sec', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rundowns_channel_slot')
    .ifNotExists()
    .on('rundowns')
    .columns(['channel_id', 'slot_start'])
    .execute();
  await db.schema
    .createTable('rundown_events')
    .ifNotExists()
    .addColumn('id', serial, (c) =>
      engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('rundown_id', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('rundown_events_rundown')
    .ifNotExists()
    .on('rundown_events')
    .column('rundown_id')
    .execute();
  await db.schema
    .createTable('rundown_as_runs')
    .ifNotExists()
    .addColumn('id', serial, (c) =>
      engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('rundown_id', 'text', (c) => c.notNull())
    .addColumn('item_slug', 'text', (c) => c.notNull())
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('duration_sec', 'integer', (c) => c.notNull())
    .addColumn('compliant', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('evidence_index', 'integer')
    .addUniqueConstraint('rundown_as_runs_once', ['rundown_id', 'item_slug'])
    .execute();
}

/** Users and their hashed bearer tokens (server area). */
async function userTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('users')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('api_tokens')
    .ifNotExists()
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
}

/**
 * Corrections by time: an audit reads one period's entries and every correction outside it
 * (a correction may move an entry into or out of the period); without this partial index
 * that second read scans the whole log.
 */
async function correctionIndex(db: AnyDb): Promise<void> {
  await sql`create index if not exists evidence_entries_corrections
    on evidence_entries (time, idx) where kind = 'correction'`.execute(db);
}

/**
 * Follow-ups of publications that went out: the item was edited (update the remote copy) or
 * withdrawn (take it down). Each is worked like a publication: due time, lease, attempts,
 * last error; `evidence_index` on a publication is its entry in the log, which the
 * follow-up's correction entry points at.
 */
async function followUpTables(db: AnyDb, engine: Engine): Promise<void> {
  await db.schema.alterTable('publications').addColumn('evidence_index', 'integer').execute();
  await db.schema
    .createTable('publication_followups')
    .ifNotExists()
    .addColumn('id', serialType(engine), (c) =>
      engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('publication_key', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('item_version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('evidence_index', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('publication_followups_due')
    .ifNotExists()
    .on('publication_followups')
    .columns(['status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('publication_followups_key')
    .ifNotExists()
    .on('publication_followups')
    .columns(['publication_key', 'id'])
    .execute();
}

/**
 * Token lifecycle: an expiry (null: never, which is what every token made before this
 * migration keeps), a revocation (when, by whom) and the last use (written at most once a
 * minute per token). SQLite adds one column per statement.
 */
async function tokenLifecycle(db: AnyDb): Promise<void> {
  for (const column of ['expires_at', 'revoked_at', 'revoked_by', 'last_used_at']) {
    await db.schema.alterTable('api_tokens').addColumn(column, 'text').execute();
  }
}

/**
 * Feed ingest state, moved out of the per-channel JSON files so that several `loa run`
 * processes share it: per channel and feed URL the validators of the last copy read and when
 * it was last asked for; per channel every entry taken in (guid, else id or link), which a
 * second process inserting the same key runs into instead of taking the entry in again.
 */
async function ingestTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('ingest_feeds')
    .ifNotExists()
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('feed_url', 'text', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_run', 'text')
    .addPrimaryKeyConstraint('ingest_feeds_pk', ['channel_id', 'feed_url'])
    .execute();
  await db.schema
    .createTable('ingest_entries')
    .ifNotExists()
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('entry_key', 'text', (c) => c.notNull())
    .addColumn('feed_url', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('link', 'text')
    .addColumn('published_at', 'text')
    .addColumn('content_hash', 'text')
    .addColumn('evidence', 'text')
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ingest_entries_pk', ['channel_id', 'entry_key'])
    .execute();
}

/**
 * Browser sessions: each is its own random secret, kept only as its SHA-256, for one user,
 * with an absolute expiry; logging out deletes the row. `token_hash` is the API token the
 * user signed in with (null for a sign-in without one), so revoking that token ends its
 * sessions too.
 */
async function browserSessionTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('browser_sessions')
    .ifNotExists()
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('browser_sessions_expiry')
    .ifNotExists()
    .on('browser_sessions')
    .column('expires_at')
    .execute();
}

/** Every migration, in order. Append new ones at the end; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'queue: items, versions, state changes', up: queueTables },
  { version: 2, name: 'outbox: publications, attempts, channel states', up: outboxTables },
  { version: 3, name: 'evidence: append-only log, head, checkpoints', up: evidenceTables },
  { version: 4, name: 'rundowns: per slot, state history, as-run', up: rundownTables },
  { version: 6, name: 'users and hashed API tokens', up: userTables },
  { version: 7, name: 'evidence: corrections by time', up: correctionIndex },
  { version: 8, name: 'publication follow-ups: update and withdraw', up: followUpTables },
  { version: 9, name: 'api tokens: expiry, revocation, last use', up: tokenLifecycle },
  { version: 10, name: 'ingest: feed state and entries taken in', up: ingestTables },
  { version: 11, name: 'witnessing: units watched, cosignatures received', up: witnessTables },
  {
    version: 12,
    name: 'browser sessions: own secret, hashed, short-lived',
    up: browserSessionTables,
  },
  { version: 13, name: "roll-up: units' logs imported from bundles", up: importedLogTables },
  {
    version: 14,
    name: "roll-up: the parent plans' tasks units' tasks implement",
    up: implementing,
  },
];

/**
 * Roll-up across plans (issue 12): which tasks of parent plans a unit's own tasks carry out,
 * from its bundles' audit.json, so that the parent plan's audit counts the unit's entries of
 * its own plan. Logs imported before have none ('{}').
 */
async function implementing(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('imported_logs')
    .addColumn('implements', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

/**
 * Roll-up (issue 12). An auditor imports the evidence bundles units send: per unit, the latest
 * checkpoint imported and the entries in runs (one row per bundle that added entries), so that
 * a later bundle that extends the log adds a run and one that contradicts it is refused.
 */
async function importedLogTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('imported_logs')
    .ifNotExists()
    .addColumn('unit', 'text', (c) => c.primaryKey())
    .addColumn('verifier_key', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('checkpoint', 'text', (c) => c.notNull())
    .addColumn('serving', 'text', (c) => c.notNull())
    .addColumn('channel_kinds', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('imported_segments')
    .ifNotExists()
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('leaves', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('imported_segments_pk', ['unit', 'start'])
    .execute();
}

/**
 * Witnessing (issue 11). A witness (an auditing body running loa) keeps, per unit it watches,
 * the unit's address and public key and the last checkpoint it checked and cosigned; a unit
 * keeps the cosigned checkpoints witnesses hand back, so that `evidence verify` can say which
 * witness saw which size (and names a log that no longer gives a witnessed root).
 */
async function witnessTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('witness_units')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('verifier_key', 'text', (c) => c.notNull())
    .addColumn('size', 'integer')
    .addColumn('root_hash', 'text')
    .addColumn('note', 'text')
    .addColumn('checked_at', 'text')
    .addColumn('status', 'text')
    .execute();
  await db.schema
    .createTable('evidence_cosignatures')
    .ifNotExists()
    .addColumn('witness', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_cosignatures_pk', ['witness', 'size'])
    .execute();
}

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
