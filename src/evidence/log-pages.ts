import {
  type EvidenceWindow,
  PAGE_FIELD_SEPARATOR,
  PAGE_ROW_SEPARATOR,
  readEvidenceRowBytes,
  readEvidenceWindow,
} from '../store/evidence.js';
import type { Db } from '../store/types.js';
import { columnsSpelled } from './entry-columns.js';
import {
  endsOf,
  inThreadHasher,
  type LeafHasher,
  type PackedPage,
  type PageHashes,
  packPage,
  startOf,
} from './page-hasher.js';

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
  /**
   * Whether the page's stored leaf hashes are, one for one, `leafHex` (the recomputed ones,
   * concatenated); when not, the page is read again (`reread`), or each row's is compared
   * with `storedOf`.
   */
  storedAgree(leafHex: string): boolean;
  /** The same window read row by row, for a page read whole whose hashes differ. */
  reread?: () => Promise<HashedPage | undefined>;
  /** Whether every entry was found to say its index (`idxOf`) as the page was read. */
  indicesSaid: boolean;
  /** The index of the page's last entry (where the next page starts after). */
  lastIdx: number;
  /**
   * Whether every row's derived columns (kind, time, plan_id) are spelled in its bytes as
   * their top-level values; when not, verifyLog reads the page's rows one by one to name them.
   */
  columnsAgree: boolean;
}

/** A page read from the store, its leaf hashes on their way. */
export interface HashedPage {
  page: LogPage;
  leaves: Promise<PageHashes>;
}

/**
 * Reads the log window by window: the function it returns gives the entries of indices
 * (`last`, `last + pageSize`], hashed by `hasher` (undefined when the window holds none).
 */
export function logPageFeed(
  db: Db,
  hasher: LeafHasher,
  pageSize: number,
): (last: number) => Promise<HashedPage | undefined> {
  return async (last) => {
    const window = await readEvidenceWindow(db, last, pageSize);
    if (window.n === 0) return undefined;
    const ends = window.bytes ? endsOf(window.bytes, window.n) : undefined;
    const page = ends && wholePage(window, ends, () => rowsPage(db, last, pageSize));
    // NOTE: a window that cannot be taken whole (a tampered log) is read again row by row.
    if (!page) return rowsPage(db, last, pageSize);
    return { page, leaves: hasher.leaves(page.packed) };
  };
}

/**
 * A window as the store concatenated it, when it can be taken whole: contiguous indices and
 * every entry saying the index of its position. Its stored hashes are compared with the
 * recomputed ones as a whole; where they differ, `reread` reads the window row by row.
 */
function wholePage(
  window: EvidenceWindow,
  ends: Uint32Array,
  reread: () => Promise<HashedPage | undefined>,
): LogPage | undefined {
  const { n, lo, hi, bytes, hashes, columns } = window;
  if (!bytes || hi - lo + 1 !== n) return undefined;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  for (let i = 0; i < n; i += 1) {
    if (indexSaid(text, startOf(ends, i), ends[i]!) !== lo + i) return undefined;
  }
  return {
    packed: { bytes, ends },
    text,
    count: n,
    idxOf: (i) => lo + i,
    storedOf: () => '',
    storedAgree: (leafHex) => joinedHashesAre(hashes, leafHex, n),
    reread,
    indicesSaid: true,
    lastIdx: hi,
    columnsAgree:
      columns !== null &&
      columnsSpelled(text, ends, columns, PAGE_ROW_SEPARATOR, PAGE_FIELD_SEPARATOR),
  };
}

/**
 * Whether `joined` (the stored leaf hashes joined by `,`, a NULL one as empty) is exactly the
 * `n` hashes of `hex` (64 characters each, concatenated) joined by `,`. As `hex` holds no `,`,
 * the joined string then holds only the `n - 1` commas put between the rows, so every stored
 * hash is its row's.
 */
function joinedHashesAre(joined: string | null, hex: string, n: number): boolean {
  if (joined === null || joined.length !== 65 * n - 1 || hex.length !== 64 * n) return false;
  for (let i = 0; i < n; i += 1) {
    const at = 65 * i;
    if (i > 0 && joined.charCodeAt(at - 1) !== 0x2c) return false;
    for (let k = 0; k < 64; k += 1) {
      if (joined.charCodeAt(at + k) !== hex.charCodeAt(64 * i + k)) return false;
    }
  }
  return true;
}

const INDEX_KEY = '"index":';
const COMMA = 0x2c;
const BRACE = 0x7b;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * The index the entry in `text[start, end)` (its bytes as latin1) says it was written at
 * (its top-level `"index"` field).
 */
export function indexSaid(text: string, start: number, end: number): number | undefined {
  for (let at = text.indexOf(INDEX_KEY, start); at >= 0 && at < end; ) {
    const before = at > start ? text.charCodeAt(at - 1) : undefined;
    if (before === COMMA || before === BRACE) {
      const from = at + INDEX_KEY.length;
      let to = from;
      let value = 0;
      for (let c = text.charCodeAt(to); to < end && c >= ZERO && c <= NINE; ) {
        value = value * 10 + (c - ZERO);
        to += 1;
        c = text.charCodeAt(to);
      }
      return to > from && Number.isSafeInteger(value) ? value : undefined;
    }
    at = text.indexOf(INDEX_KEY, at + 1);
  }
  return undefined;
}

/** The window read row by row: each entry's index, bytes and stored hash, as they are. */
async function rowsPage(db: Db, last: number, pageSize: number): Promise<HashedPage | undefined> {
  const rows = await readEvidenceRowBytes(db, last, pageSize);
  if (rows.length === 0) return undefined;
  const packed = packPage(rows.map((r) => r.bytes ?? new Uint8Array()));
  const page: LogPage = {
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
    storedAgree: () => false,
    indicesSaid: false,
    lastIdx: Number(rows[rows.length - 1]!.idx),
    // A page read row by row was tampered with already: its columns are checked one by one.
    columnsAgree: false,
  };
  return { page, leaves: inThreadHasher().leaves(packed) };
}
