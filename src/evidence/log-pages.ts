import { type Kysely, sql } from 'kysely';
import type { Engine } from '../store/migrations.js';
import type { Database } from '../store/schema.js';

/** One page of the log as verifyLog reads it: each entry's stored bytes, index and leaf hash. */
export interface LogPage {
  /** The entries' bytes exactly as stored. */
  bytes: Buffer[];
  /** The stored index of the i-th entry of the page. */
  idxOf(i: number): number;
  /** The stored leaf hash (hex) of the i-th entry. */
  storedOf(i: number): string;
  /**
   * Set when the page is contiguous from `first` and every stored hash has 64 characters:
   * all the stored hashes in order, to be compared in one go.
   */
  contiguous?: { first: number; storedHex: string };
  /** The index of the page's last entry (where the next page starts after). */
  lastIdx: number;
}

interface PageSummary {
  n: number | string;
  lo: number | string | null;
  hi: number | string | null;
  hashes: string | null;
  short: number | string | null;
  long: number | string | null;
}

/**
 * Up to `pageSize` entries after index `last`.
 *
 * NOTE: a million per-row index and hash values cost as much to read as the entries' bytes;
 * so the page's indices are summarised (count, min, max) and its stored hashes concatenated
 * in SQL, and only the bytes are read per row. A page that is not contiguous, or whose hashes
 * are not all 64 characters (a tampered log), is read again row by row.
 */
export async function readLogPage(
  db: Kysely<Database>,
  engine: Engine,
  last: number,
  pageSize: number,
): Promise<LogPage | undefined> {
  const concat =
    engine === 'postgres'
      ? sql`string_agg(leaf_hash, '' order by idx)`
      : sql`group_concat(leaf_hash, '' order by idx)`;
  const { rows } = await sql<PageSummary>`
    select count(*) as n, min(idx) as lo, max(idx) as hi, ${concat} as hashes,
      min(length(leaf_hash)) as short, max(length(leaf_hash)) as long
    from (select idx, leaf_hash from evidence_entries where idx > ${last}
          order by idx limit ${pageSize}) page`.execute(db);
  const summary = rows[0];
  const n = Number(summary?.n ?? 0);
  if (!summary || n === 0) return undefined;
  const lo = Number(summary.lo);
  const hi = Number(summary.hi);
  const storedHex = summary.hashes ?? '';
  // NOTE: the entry is read as bytes (no UTF-8 decode and re-encode per row): the hash is
  // over exactly the stored bytes.
  const asBytes =
    engine === 'postgres'
      ? sql<Buffer>`convert_to(entry, 'UTF8')`
      : sql<Buffer>`cast(entry as blob)`;
  if (hi - lo + 1 === n && Number(summary.short) === 64 && Number(summary.long) === 64) {
    const entries = await db
      .selectFrom('evidence_entries')
      .select(asBytes.as('bytes'))
      .where('idx', '>', last)
      .where('idx', '<=', hi)
      .orderBy('idx')
      .execute();
    // Rows changed between the two queries: read the page row by row instead.
    if (entries.length === n) {
      return {
        bytes: entries.map((e) => e.bytes),
        idxOf: (i) => lo + i,
        storedOf: (i) => storedHex.slice(64 * i, 64 * i + 64),
        contiguous: { first: lo, storedHex },
        lastIdx: hi,
      };
    }
  }
  const full = await db
    .selectFrom('evidence_entries')
    .select(['idx', asBytes.as('bytes'), 'leaf_hash'])
    .where('idx', '>', last)
    .orderBy('idx')
    .limit(pageSize)
    .execute();
  return {
    bytes: full.map((r) => r.bytes),
    idxOf: (i) => Number(full[i]!.idx),
    storedOf: (i) => full[i]!.leaf_hash,
    lastIdx: Number(full[full.length - 1]!.idx),
  };
}
