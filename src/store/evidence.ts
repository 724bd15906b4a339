import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { dialectOf } from './dialect.js';
import { dbOf } from './handle.js';
import { reusableQuery } from './reusable-query.js';
import type {
  EvidenceCheckpointRow,
  EvidenceCosignatureTable,
  EvidenceEntryTable,
} from './schema.js';
import { prepared, sqliteOf } from './sqlite-handle.js';
import type { Db } from './types.js';

/**
 * The evidence log's tables (entries, head). The log's rules (canonical bytes, Merkle
 * hashes, contiguous indices) live in src/evidence; this is only how they are stored.
 */

/** A witness's cosignature as stored. */
export type EvidenceCosignatureRow = Selectable<EvidenceCosignatureTable>;

/** An entry row as stored. */
export type EvidenceRow = EvidenceEntryTable;

/** The head: size and the compact range's hashes (hex, concatenated). */
export interface EvidenceHead {
  size: number;
  hashes: string;
}

/** The head is the one row of id 1. */
const HEAD = 1;

/** SQLite's fast path: one prepared statement run per row. */
const INSERT_ROW =
  'insert into evidence_entries (idx, kind, time, plan_id, entry, leaf_hash) values (?, ?, ?, ?, ?, ?)';
const READ_HEAD = 'select size, hashes from evidence_head where id = ?';
const UPDATE_HEAD = 'update evidence_head set size = ?, hashes = ? where id = ?';

const headQuery = reusableQuery((db, shape, id: number) => {
  const query = db.selectFrom('evidence_head').select(['size', 'hashes']).where('id', '=', id);
  return shape === 'lock' ? query.forUpdate() : query;
});

/**
 * The head row; `lock` holds it until the transaction ends (PostgreSQL `FOR UPDATE`;
 * SQLite's BEGIN IMMEDIATE already serialises writers), so appends stay contiguous.
 */
export async function readEvidenceHead(on: Db, lock = false): Promise<EvidenceHead | undefined> {
  const db = dbOf(on);
  const sqlite = sqliteOf(db);
  if (sqlite) {
    const row = prepared(sqlite, READ_HEAD).get(HEAD) as EvidenceHead | undefined;
    return row ? { size: Number(row.size), hashes: row.hashes } : undefined;
  }
  const shape = lock && dialectOf(db).rowLocks ? 'lock' : 'read';
  const row = (await headQuery(db, shape, HEAD)).rows[0];
  return row ? { size: Number(row.size), hashes: row.hashes } : undefined;
}

/** Rows per INSERT: 6 parameters each stays under SQLite's oldest limit of 999. */
const ROWS_PER_INSERT = 100;
const COLUMNS = 6;

const insertQuery = reusableQuery((db, shape, ...args: unknown[]) => {
  const rows: EvidenceRow[] = [];
  for (let i = 0; i < Number(shape); i += 1) {
    const at = i * COLUMNS;
    rows.push({
      idx: args[at] as number,
      kind: args[at + 1] as string,
      time: args[at + 2] as string,
      plan_id: args[at + 3] as string | null,
      entry: args[at + 4] as string,
      leaf_hash: args[at + 5] as string,
    });
  }
  return db.insertInto('evidence_entries').values(rows);
});

const headUpdate = reusableQuery((db, _shape, size: number, hashes: string, id: number) =>
  db.updateTable('evidence_head').set({ size, hashes }).where('id', '=', id),
);

/**
 * Inserts entry rows and moves the head to `head`, in the caller's transaction (which holds
 * the head: {@link readEvidenceHead} with `lock`). One statement per hundred rows.
 */
export async function writeEvidence(
  on: Db,
  rows: readonly EvidenceRow[],
  head: EvidenceHead,
): Promise<void> {
  const tx = dbOf(on);
  const sqlite = sqliteOf(tx);
  if (sqlite) {
    const insert = prepared(sqlite, INSERT_ROW);
    for (const r of rows) insert.run(r.idx, r.kind, r.time, r.plan_id, r.entry, r.leaf_hash);
    prepared(sqlite, UPDATE_HEAD).run(head.size, head.hashes, HEAD);
    return;
  }
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    const args: unknown[] = [];
    for (const r of chunk) args.push(r.idx, r.kind, r.time, r.plan_id, r.entry, r.leaf_hash);
    await insertQuery(tx, String(chunk.length), ...args);
  }
  await headUpdate(tx, '', head.size, head.hashes, HEAD);
}

/** Number of entries in the log, per its head. */
export async function evidenceHeadSize(on: Db): Promise<number> {
  return (await readEvidenceHead(on))?.size ?? 0;
}

/** A time range of entries (UTC ISO, from inclusive, to exclusive) below index `size`. */
export interface EvidenceRange {
  from?: string;
  to?: string;
  size?: number;
}

/** Entry rows (index, bytes, leaf hash) in index order, narrowed by their time column. */
export async function readEvidenceRows(
  on: Db,
  range: EvidenceRange = {},
): Promise<Pick<EvidenceRow, 'idx' | 'entry' | 'leaf_hash'>[]> {
  const db = dbOf(on);
  let query = db.selectFrom('evidence_entries').select(['idx', 'entry', 'leaf_hash']);
  if (range.size !== undefined) query = query.where('idx', '<', range.size);
  if (range.from) query = query.where('time', '>=', range.from);
  if (range.to) query = query.where('time', '<', range.to);
  return query.orderBy('idx').execute();
}

/** Between two rows' derived columns in {@link EvidenceWindow.columns}. */
export const PAGE_ROW_SEPARATOR = '\u001e';
/** Between the derived columns of one row in {@link EvidenceWindow.columns}. */
export const PAGE_FIELD_SEPARATOR = '\u001f';

/** A window of entries concatenated by the database (see {@link readEvidenceWindow}). */
export interface EvidenceWindow {
  n: number;
  lo: number;
  hi: number;
  /**
   * A 0x00 byte before each entry's bytes, exactly as stored (SQLite: valid UTF-8 or not;
   * PostgreSQL keeps only valid UTF-8 text); a NULL entry as none. Null when there are none.
   */
  bytes: Uint8Array | null;
  /** The stored leaf hashes joined by `,` (a NULL one as empty). */
  hashes: string | null;
  /**
   * Each row's derived columns, rows joined by {@link PAGE_ROW_SEPARATOR}: kind, time and
   * `+plan_id` (empty when NULL) joined by {@link PAGE_FIELD_SEPARATOR}.
   */
  columns: string | null;
}

// NOTE: 0x00 is the byte RFC 9162 puts before an entry to hash it as a leaf, so each entry is
// hashed where it lies in the window's bytes. Canonical JSON never holds a raw 0x00: a window
// with more of them than rows (a tampered one) is told by its reader, which reads it again
// row by row. The columns come back as text for the verifier to find in the bytes: SQLite's
// instr() over every entry, three times a row, cost as much as the rest of the read. A
// range of SQLite's integer primary key is read in index order and aggregated in that order
// (no ordered subquery: copying each row through one cost a third more); each entry's own
// index, which the verifier checks against its position, would show any other order.
const WINDOW_SQLITE = `select count(*) as n, min(idx) as lo, max(idx) as hi,
  cast(char(0) || group_concat(coalesce(entry, ''), char(0)) as blob) as bytes,
  group_concat(coalesce(leaf_hash, ''), ',') as hashes,
  group_concat(kind || char(31) || time || char(31) || coalesce('+' || plan_id, ''), char(30))
    as columns
  from evidence_entries where idx > ? and idx <= ?`;

/** The row of {@link WINDOW_SQLITE} as a driver gives it. */
interface WindowRow {
  n: number | string;
  lo: number | string | null;
  hi: number | string | null;
  bytes: Uint8Array | null;
  hashes: string | null;
  columns: string | null;
}

function windowOf(row: WindowRow | undefined): EvidenceWindow {
  return {
    n: Number(row?.n ?? 0),
    lo: Number(row?.lo ?? 0),
    hi: Number(row?.hi ?? -1),
    bytes: row?.bytes ?? null,
    hashes: row?.hashes ?? null,
    columns: row?.columns ?? null,
  };
}

/**
 * The entries of the window of indices (`last`, `last + pageSize`], in index order,
 * concatenated in one row: their bytes, their stored leaf hashes and derived columns (kind,
 * time, plan_id), which the verifier checks against the bytes it holds anyway, and the count
 * and range of their indices.
 *
 * NOTE: a million rows cost more to hand to JavaScript one by one (a string or buffer per
 * row and column) than to hash. PostgreSQL aggregates an ordered subquery in its order.
 */
export async function readEvidenceWindow(
  on: Db,
  last: number,
  pageSize: number,
): Promise<EvidenceWindow> {
  const db = dbOf(on);
  const sqlite = sqliteOf(db);
  if (sqlite) {
    return windowOf(prepared(sqlite, WINDOW_SQLITE).get(last, last + pageSize) as WindowRow);
  }
  const aggregate = sql<WindowRow>`
    select count(*) as n, min(idx) as lo, max(idx) as hi,
      decode('00', 'hex') || string_agg(coalesce(convert_to(entry, 'UTF8'), ''::bytea), decode('00', 'hex'))
        as bytes,
      string_agg(coalesce(leaf_hash, ''), ',') as hashes,
      string_agg(kind || ${sql.lit(PAGE_FIELD_SEPARATOR)} || time || ${sql.lit(PAGE_FIELD_SEPARATOR)}
        || coalesce('+' || plan_id, ''), ${sql.lit(PAGE_ROW_SEPARATOR)}) as columns
    from (select idx, entry, leaf_hash, kind, time, plan_id from evidence_entries
          where idx > ${last} and idx <= ${last + pageSize}
          order by idx) page`;
  return windowOf((await aggregate.execute(db)).rows[0]);
}

/** The smallest stored index above `last`, or undefined when there is none. */
export async function nextEvidenceIndex(on: Db, last: number): Promise<number | undefined> {
  const db = dbOf(on);
  const row = await db
    .selectFrom('evidence_entries')
    .select((eb) => eb.fn.min('idx').as('next'))
    .where('idx', '>', last)
    .executeTakeFirst();
  return row?.next === null || row?.next === undefined ? undefined : Number(row.next);
}

/**
 * The entries of the window (`last`, `last + pageSize`], one by one: index, bytes as they
 * are, stored leaf hash.
 */
export async function readEvidenceRowBytes(
  on: Db,
  last: number,
  pageSize: number,
): Promise<{ idx: number; bytes: Buffer | null; leaf_hash: unknown }[]> {
  const db = dbOf(on);
  return db
    .selectFrom('evidence_entries')
    .select(['idx', dialectOf(db).bytes(sql`entry`).as('bytes'), 'leaf_hash'])
    .where('idx', '>', last)
    .where('idx', '<=', last + pageSize)
    .orderBy('idx')
    .execute();
}

/** Entries first..last (inclusive): index, derived columns and bytes as they are. */
export async function readEvidenceColumns(
  on: Db,
  first: number,
  last: number,
): Promise<
  { idx: number; kind: string; time: string; plan_id: string | null; bytes: Buffer | null }[]
> {
  const db = dbOf(on);
  return db
    .selectFrom('evidence_entries')
    .select(['idx', 'kind', 'time', 'plan_id', dialectOf(db).bytes(sql`entry`).as('bytes')])
    .where('idx', '>=', first)
    .where('idx', '<=', last)
    .orderBy('idx')
    .execute();
}

/** The last entry of one of `kinds` whose bytes contain `needle`, or undefined. */
export async function lastEvidenceContaining(
  on: Db,
  kinds: readonly string[],
  needle: string,
): Promise<number | undefined> {
  const db = dbOf(on);
  const row = await db
    .selectFrom('evidence_entries')
    .select('idx')
    .where('kind', 'in', kinds)
    .where(dialectOf(db).contains(sql`entry`, sql`${needle}`))
    .orderBy('idx', 'desc')
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.idx);
}

/** The stored leaf hashes (hex) of the first `size` entries, in index order. */
export async function readLeafHashes(on: Db, size: number): Promise<string[]> {
  const db = dbOf(on);
  const rows = await db
    .selectFrom('evidence_entries')
    .select('leaf_hash')
    .where('idx', '<', size)
    .orderBy('idx')
    .execute();
  return rows.map((r) => r.leaf_hash);
}

/** What narrows a read of entries by their columns (the entries' bytes decide after). */
export interface EvidenceColumnQuery {
  kind?: string;
  plan?: string;
  from?: string;
  to?: string;
  /** Only entries below this index. */
  below?: number;
  /** The latest `latest` entries, newest first; without it, all, oldest first. */
  latest?: number;
}

/** Entry rows narrowed by their columns (see {@link EvidenceColumnQuery}). */
export async function findEvidenceRows(
  on: Db,
  query: EvidenceColumnQuery,
): Promise<Pick<EvidenceRow, 'idx' | 'entry' | 'leaf_hash'>[]> {
  const db = dbOf(on);
  let select = db.selectFrom('evidence_entries').select(['idx', 'entry', 'leaf_hash']);
  if (query.kind) select = select.where('kind', '=', query.kind);
  if (query.plan) select = select.where('plan_id', '=', query.plan);
  if (query.from) select = select.where('time', '>=', query.from);
  if (query.to) select = select.where('time', '<', query.to);
  if (query.below !== undefined) select = select.where('idx', '<', query.below);
  return (
    query.latest !== undefined
      ? select.orderBy('idx', 'desc').limit(query.latest)
      : select.orderBy('idx')
  ).execute();
}

/**
 * An audit's reads of a period [start, until): the entries in it, and the corrections
 * outside it recorded before `to`, in no particular order.
 * NOTE: no `order by idx` in SQL: PostgreSQL would then walk the primary key over the
 * whole log, filtering by time, rather than the time index over the range (4× slower).
 * The corrections outside the range come from their own partial index, read meanwhile.
 */
export async function readPeriodRows(
  on: Db,
  period: { start: string; until: string; to: string },
): Promise<{
  inRange: Pick<EvidenceRow, 'idx' | 'entry'>[];
  corrections: Pick<EvidenceRow, 'idx' | 'entry'>[];
}> {
  const db = dbOf(on);
  const { start, until, to } = period;
  const [inRange, corrections] = await Promise.all([
    db
      .selectFrom('evidence_entries')
      .select(['idx', 'entry'])
      .where('time', '>=', start)
      .where('time', '<', until)
      .execute(),
    db
      .selectFrom('evidence_entries')
      .select(['idx', 'entry'])
      .where('kind', '=', 'correction')
      .where((eb) => eb.or([eb('time', '<', start), eb('time', '>=', until)]))
      .where('time', '<', to)
      .execute(),
  ]);
  return { inRange, corrections };
}

/** The entries of the given indices whose time column is before `to`. */
export async function readEvidenceAt(
  on: Db,
  indices: readonly number[],
  to: string,
): Promise<Pick<EvidenceRow, 'idx' | 'entry'>[]> {
  const db = dbOf(on);
  const rows: Pick<EvidenceRow, 'idx' | 'entry'>[] = [];
  for (let i = 0; i < indices.length; i += 1000) {
    rows.push(
      ...(await db
        .selectFrom('evidence_entries')
        .select(['idx', 'entry'])
        .where('idx', 'in', indices.slice(i, i + 1000))
        .where('time', '<', to)
        .execute()),
    );
  }
  return rows;
}

/** Stores a signed checkpoint and returns its row. */
export async function insertCheckpoint(
  on: Db,
  row: Omit<EvidenceCheckpointRow, 'id'>,
): Promise<EvidenceCheckpointRow> {
  const tx = dbOf(on);
  return tx.insertInto('evidence_checkpoints').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Every stored checkpoint, oldest first. */
export async function listCheckpointRows(on: Db): Promise<EvidenceCheckpointRow[]> {
  const db = dbOf(on);
  return db.selectFrom('evidence_checkpoints').selectAll().orderBy('id').execute();
}

/** The latest stored checkpoint. */
export async function latestCheckpointRow(on: Db): Promise<EvidenceCheckpointRow | undefined> {
  const db = dbOf(on);
  return db
    .selectFrom('evidence_checkpoints')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Stores a witness's cosignature; a second one of the same witness and size is ignored. */
export async function insertCosignature(on: Db, row: EvidenceCosignatureRow): Promise<void> {
  const db = dbOf(on);
  await db
    .insertInto('evidence_cosignatures')
    .values(row)
    .onConflict((oc) => oc.columns(['witness', 'size']).doNothing())
    .execute();
}

/** Every cosignature received, by witness then size. */
export async function listCosignatureRows(on: Db): Promise<EvidenceCosignatureRow[]> {
  const db = dbOf(on);
  return db
    .selectFrom('evidence_cosignatures')
    .selectAll()
    .orderBy('witness')
    .orderBy('size')
    .execute();
}
