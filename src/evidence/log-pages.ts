import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Engine } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { type PackedPage, packPage } from './page-hasher.js';

/** One page of the log as verifyLog reads it: the entries' bytes, indices and leaf hashes. */
export interface LogPage {
  /** The entries' bytes exactly as stored, packed. */
  packed: PackedPage;
  /** Number of entries in the page. */
  count: number;
  /** The stored index of the i-th entry of the page. */
  idxOf(i: number): number;
  /** The stored leaf hash (hex) of the i-th entry ('' when it is not text). */
  storedOf(i: number): string;
  /** The index of the page's last entry (where the next page starts after). */
  lastIdx: number;
  /**
   * Whether every row's derived columns (kind, time, plan_id) are spelled in its bytes as
   * their top-level values; when not, verifyLog reads the page's rows one by one to name them.
   */
  columnsAgree: boolean;
}

interface PageAggregate {
  n: number | string;
  lo: number | string | null;
  hi: number | string | null;
  bytes: Uint8Array | string | null;
  indices: string | null;
  lengths: string | null;
  hashes: string | null;
  short: number | string | null;
  long: number | string | null;
  disagree: number | string | null;
}

/**
 * Up to `pageSize` entries after index `last`, in index order.
 *
 * NOTE: a million rows cost more to hand to JavaScript one by one (a string or buffer per
 * row and column) than to hash; so the database concatenates the page: its entries' bytes
 * (SQLite: exactly as stored, valid UTF-8 or not; PostgreSQL keeps only valid UTF-8 text),
 * their byte lengths, their leaf hashes, and the count and range of their indices, in one
 * row. A page that is not contiguous, whose lengths do not add up or whose hashes are not
 * all 64 characters (a tampered log) is read again row by row.
 */
export async function readLogPage(
  db: Kysely<Database>,
  engine: Engine,
  last: number,
  pageSize: number,
): Promise<LogPage | undefined> {
  // NOTE: no `order by` inside the aggregates: SQLite and PostgreSQL then sort each page
  // again (2.5× the read); they aggregate the ordered subquery in its order, and the indices
  // concatenated alongside prove it, page by page (else the page is read row by row).
  const pg = engine === 'postgres';
  // The engines differ only in how they concatenate and count bytes.
  const concat = (value: RawBuilder<unknown>, separator: string) =>
    pg
      ? sql`string_agg(${value}, ${sql.lit(separator)})`
      : sql`group_concat(${value}, ${sql.lit(separator)})`;
  const entryBytes = pg ? sql`string_agg(entry, '')` : sql`cast(group_concat(entry, '') as blob)`;
  const byteLength = pg ? sql`octet_length(entry)::text` : sql`length(cast(entry as blob))`;
  // NOTE: canonical JSON escapes every `"` inside a string, so `,"kind":"<kind>"` can only be
  // the entry's own top-level kind (and likewise time and plan): a substring search in the
  // engine (a memmem per column) checks the columns against the bytes at a fraction of what
  // parsing would cost. A row it doubts (or a plan id that JSON escapes) is read again and
  // parsed by verifyLog, which names only real disagreements.
  const find = (needle: RawBuilder<unknown>) =>
    pg ? sql`strpos(entry, ${needle}) > 0` : sql`instr(entry, ${needle}) > 0`;
  const agree = sql`${find(sql`',"kind":"' || kind || '"'`)} and ${find(sql`',"time":"' || time || '"'`)}
    and (case when plan_id is null then not ${find(sql`',"plan":"'`)}
      else ${find(sql`',"plan":"' || plan_id || '"'`)} end)`;
  const aggregate = sql<PageAggregate>`
    select count(*) as n, min(idx) as lo, max(idx) as hi,
      ${concat(pg ? sql`idx::text` : sql`idx`, ',')} as indices,
      ${entryBytes} as bytes,
      ${concat(byteLength, ',')} as lengths,
      ${concat(sql`leaf_hash`, '')} as hashes,
      min(length(leaf_hash)) as short, max(length(leaf_hash)) as long,
      sum(case when ${agree} then 0 else 1 end) as disagree
    from (select idx, entry, leaf_hash, kind, time, plan_id from evidence_entries
          where idx > ${last}
          order by idx limit ${pageSize}) page`;
  const row = (await aggregate.execute(db)).rows[0];
  const n = Number(row?.n ?? 0);
  if (!row || n === 0) return undefined;
  const lo = Number(row.lo);
  const hi = Number(row.hi);
  const hashes = row.hashes ?? '';
  const bytes =
    typeof row.bytes === 'string' ? Buffer.from(row.bytes, 'utf8') : (row.bytes ?? undefined);
  const ends = bytes && row.lengths ? endsOf(row.lengths, n) : undefined;
  const whole =
    hi - lo + 1 === n &&
    row.indices !== null &&
    ascendingFrom(row.indices, lo, n) &&
    Number(row.short) === 64 &&
    Number(row.long) === 64 &&
    ends !== undefined &&
    ends[n - 1] === bytes?.length;
  if (whole && bytes) {
    return {
      packed: { bytes, ends },
      count: n,
      idxOf: (i) => lo + i,
      storedOf: (i) => hashes.slice(64 * i, 64 * i + 64),
      lastIdx: hi,
      columnsAgree: Number(row.disagree) === 0,
    };
  }
  return readRows(db, engine, last, pageSize);
}

/** End offsets from comma-separated lengths; undefined unless there are exactly `n`. */
function endsOf(lengths: string, n: number): Uint32Array | undefined {
  const ends = new Uint32Array(n);
  let count = 0;
  let at = 0;
  let value = 0;
  for (let i = 0; i <= lengths.length; i += 1) {
    const c = i < lengths.length ? lengths.charCodeAt(i) : 0x2c;
    if (c === 0x2c) {
      if (count === n) return undefined;
      at += value;
      ends[count] = at;
      count += 1;
      value = 0;
    } else if (c >= 0x30 && c <= 0x39) value = value * 10 + (c - 0x30);
    else return undefined;
  }
  return count === n ? ends : undefined;
}

/** Whether comma-separated `list` is exactly lo, lo + 1, …, lo + n - 1. */
function ascendingFrom(list: string, lo: number, n: number): boolean {
  let expected = lo;
  let at = 0;
  for (let k = 0; k < n; k += 1) {
    const text = String(expected);
    if (!list.startsWith(text, at)) return false;
    at += text.length;
    if (at < list.length && list.charCodeAt(at) !== 0x2c) return false;
    at += 1;
    expected += 1;
  }
  return at === list.length + 1;
}

/** The page read row by row: each entry's index, bytes and stored hash, as they are. */
async function readRows(
  db: Kysely<Database>,
  engine: Engine,
  last: number,
  pageSize: number,
): Promise<LogPage | undefined> {
  const asBytes =
    engine === 'postgres'
      ? sql<Buffer>`convert_to(entry, 'UTF8')`
      : sql<Buffer>`cast(entry as blob)`;
  const rows = await db
    .selectFrom('evidence_entries')
    .select(['idx', asBytes.as('bytes'), 'leaf_hash'])
    .where('idx', '>', last)
    .orderBy('idx')
    .limit(pageSize)
    .execute();
  if (rows.length === 0) return undefined;
  return {
    packed: packPage(rows.map((r) => r.bytes ?? new Uint8Array())),
    count: rows.length,
    idxOf: (i) => Number(rows[i]!.idx),
    storedOf: (i) => {
      const stored: unknown = rows[i]!.leaf_hash;
      return typeof stored === 'string' ? stored : '';
    },
    lastIdx: Number(rows[rows.length - 1]!.idx),
    // A page read row by row was tampered with already: its columns are checked one by one.
    columnsAgree: false,
  };
}
