import {
  PAGE_FIELD_SEPARATOR,
  PAGE_ROW_SEPARATOR,
  readEvidencePage,
  readEvidenceRowBytes,
} from '../store/evidence.js';
import type { Db } from '../store/types.js';
import { columnsSpelled } from './entry-columns.js';
import { type PackedPage, packPage } from './page-hasher.js';

/** One page of the log as verifyLog reads it: the entries' bytes, indices and leaf hashes. */
export interface LogPage {
  /** The entries' bytes exactly as stored, packed (the hasher may take them over). */
  packed: PackedPage;
  /** The same bytes as latin1 text (one character a byte), searched for keys. */
  text: string;
  /** Number of entries in the page. */
  count: number;
  /** The stored index of the i-th entry of the page. */
  idxOf(i: number): number;
  /** The stored leaf hash (hex) of the i-th entry ('' when it is not text). */
  storedOf(i: number): string;
  /** Every stored leaf hash of the page, concatenated (hex), when the page was read whole. */
  storedAll?: string;
  /** The index of the page's last entry (where the next page starts after). */
  lastIdx: number;
  /**
   * Whether every row's derived columns (kind, time, plan_id) are spelled in its bytes as
   * their top-level values; when not, verifyLog reads the page's rows one by one to name them.
   */
  columnsAgree: boolean;
}

/**
 * Up to `pageSize` entries after index `last`, in index order, read as one row the database
 * concatenated (src/store/evidence.ts says how). A page that is not contiguous, whose
 * lengths do not add up or whose hashes are not all 64 characters (a tampered log) is read
 * again row by row.
 */
export async function readLogPage(
  db: Db,
  last: number,
  pageSize: number,
): Promise<LogPage | undefined> {
  const row = await readEvidencePage(db, last, pageSize);
  if (!row) return undefined;
  const n = Number(row.n);
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
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
    return {
      packed: { bytes, ends },
      text,
      count: n,
      idxOf: (i) => lo + i,
      storedOf: (i) => hashes.slice(64 * i, 64 * i + 64),
      storedAll: hashes,
      lastIdx: hi,
      columnsAgree:
        row.columns !== null &&
        columnsSpelled(text, ends, row.columns, PAGE_ROW_SEPARATOR, PAGE_FIELD_SEPARATOR),
    };
  }
  return readRows(db, last, pageSize);
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
async function readRows(db: Db, last: number, pageSize: number): Promise<LogPage | undefined> {
  const rows = await readEvidenceRowBytes(db, last, pageSize);
  if (rows.length === 0) return undefined;
  const packed = packPage(rows.map((r) => r.bytes ?? new Uint8Array()));
  return {
    packed,
    text: Buffer.from(packed.bytes.buffer, packed.bytes.byteOffset, packed.bytes.length).toString(
      'latin1',
    ),
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
