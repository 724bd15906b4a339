import { nextEvidenceIndex, readEvidenceColumns, readEvidenceHead } from '../store/evidence.js';
import type { Db } from '../store/types.js';
import { attachmentsOf, checkAttachments, FILES_KEY } from './attachment-check.js';
import { verifyCheckpoint } from './checkpoint.js';
import { CompactRange } from './compact-range.js';
import { listCosignatures } from './cosignatures.js';
import { COLUMN_NAMES, columnsOfEntry } from './entry-columns.js';
import { type EvidenceFile, evidenceSize, readHead } from './log.js';
import { type HashedPage, indexSaid, logPageFeed } from './log-pages.js';
import { nameSequence, type SequenceAnomaly } from './log-sequence.js';
import { BLOCK_HEIGHT, inThreadHasher, startOf, workerHasher } from './page-hasher.js';
import { type NoteVerifier, openCosignature } from './signed-note.js';
import { listCheckpoints } from './store-checkpoint.js';
import { HASH_SIZE } from './tree-hash.js';

/** What `verifyLog` found wrong; `expected` and `found` are printed side by side. */
export interface VerifyProblem {
  /**
   * - `bytes-changed`: an entry's bytes do not hash to its stored leaf hash;
   * - `moved`: the entry at this position says it was written at another index (two swapped
   *   entries are each named; a run of renumbered rows is named once, at its first row);
   * - `missing`: an index is absent (an entry was removed; named once, whether or not the
   *   rows after it were renumbered);
   * - `inserted`: two rows say the same index (one was inserted and the rest renumbered);
   * - `column`: a column that listings, exports and audits filter on (`field`: kind, time,
   *   plan_id) differs from the value in the entry's bytes;
   * - `file-missing`, `file-changed`: a stored file the entry refers to is gone, or its
   *   content no longer has the SHA-256 the entry records;
   * - `head`: the head's size or root differs from the tree rebuilt from the entries;
   * - `truncated`: a checkpoint covers more entries than the log has;
   * - `root`: the first `size` entries no longer give the checkpoint's root (the change lies
   *   at or after `index`, the largest earlier size that still matched);
   * - `rewritten`: the earlier checkpoint was given with the leaves it covers (an earlier
   *   bundle): the log was rewritten from `index` on, the first entry whose leaf hash differs
   *   (`expected` the leaf then, `found` the leaf now);
   * - `signature`: a stored checkpoint's signature or text does not check out.
   */
  code:
    | 'bytes-changed'
    | 'moved'
    | 'missing'
    | 'inserted'
    | 'column'
    | 'file-missing'
    | 'file-changed'
    | 'head'
    | 'truncated'
    | 'root'
    | 'rewritten'
    | 'signature';
  index?: number;
  /** For `column`: which column. */
  field?: string;
  /**
   * Stored checkpoint id, `given` for the one passed with --checkpoint, or `witness <name>`
   * for a checkpoint a witness cosigned.
   */
  checkpoint?: number | string;
  expected: string;
  found: string;
}

/** The outcome of a full check of the log. */
export interface VerifyReport {
  size: number;
  rootHashHex: string;
  checkpoints: number;
  /**
   * The largest size each witness cosigned (checked like any checkpoint) and when it did, by
   * its cosignature's timestamp.
   */
  witnessed: { witness: string; size: number; time: string }[];
  problems: VerifyProblem[];
}

export interface VerifyLogOptions {
  /** Called after each page: entries checked of the entries in the log. */
  onProgress?: (done: number, total: number) => void;
  /** The key the checkpoints are checked with. */
  verifier: NoteVerifier;
  /** A checkpoint handed out earlier (its text), proved to be a prefix of the log. */
  given?: string;
  /**
   * The leaf hashes the given checkpoint covers (32 bytes each, from an earlier bundle's
   * `leaves.txt`, already checked against its root): a rewrite is then named at its first
   * differing index, not as a span.
   */
  givenLeaves?: Uint8Array;
  /**
   * The witnesses' cosigner keys (LOA_WITNESS_KEYS): a stored cosignature by one of them must
   * check out (`signature` problem otherwise).
   */
  witnesses?: readonly NoteVerifier[];
  /**
   * The data directory whose `evidence-files/` hold the attached files: each one an entry
   * refers to is re-hashed. Without it, attachments are not checked.
   */
  dataDir?: string;
  /** Indices read per query (default 20,000). */
  pageSize?: number;
  /**
   * Hash on a worker thread while the next page is read (default: when the log has at least
   * two pages). Without one, or when no worker starts, pages are hashed in-thread.
   */
  worker?: boolean;
}

const BLOCK = 2 ** BLOCK_HEIGHT;
/** Windows read ahead of the page being checked. */
const READ_AHEAD = 3;

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');
}

interface Target {
  checkpoint: number | string;
  size: number;
  rootHex: string;
}

/**
 * Rebuilds the tree from the stored bytes and checks it against everything that vouches for
 * it: each row's leaf hash and index, contiguous indices, the head, every stored checkpoint
 * (its signature and the root of the first `size` entries) and an earlier checkpoint.
 * Reads the log page by page; memory stays O(page + log n) (two pages at most).
 */
export async function verifyLog(db: Db, options: VerifyLogOptions): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const targets: Target[] = [];
  const stored = await listCheckpoints(db);
  for (const cp of stored) {
    try {
      const body = verifyCheckpoint(cp.note, options.verifier);
      const bodyRoot = Buffer.from(body.rootHash).toString('hex');
      if (body.size !== cp.size || bodyRoot !== cp.rootHashHex) {
        problems.push({
          code: 'signature',
          checkpoint: cp.id,
          expected: `${body.size} ${bodyRoot}`,
          found: `${cp.size} ${cp.rootHashHex}`,
        });
      }
      targets.push({ checkpoint: cp.id, size: body.size, rootHex: bodyRoot });
    } catch (error) {
      problems.push({
        code: 'signature',
        checkpoint: cp.id,
        expected: options.verifier.name,
        found: (error as Error).message,
      });
    }
  }
  if (options.given !== undefined) {
    // NOTE: a checkpoint handed out earlier that the log's key no longer opens is itself a
    // finding (the key was replaced, or the text altered), not a reason to stop.
    try {
      const body = verifyCheckpoint(options.given, options.verifier);
      targets.push({
        checkpoint: 'given',
        size: body.size,
        rootHex: Buffer.from(body.rootHash).toString('hex'),
      });
    } catch (error) {
      problems.push({
        code: 'signature',
        checkpoint: 'given',
        expected: options.verifier.name,
        found: (error as Error).message,
      });
    }
  }
  // NOTE: a witness's cosignature holds the root as the witness saw it: a rewrite that
  // re-signed the stored checkpoints cannot re-sign those.
  const witnessed = new Map<string, { size: number; time: string }>();
  for (const co of await listCosignatures(db)) {
    try {
      const body = verifyCheckpoint(co.note, options.verifier);
      const rootHex = Buffer.from(body.rootHash).toString('hex');
      const cosigner = options.witnesses?.find((w) => w.name === co.witness);
      if (cosigner && openCosignature(co.note, cosigner) === undefined) {
        throw new Error(`no valid cosignature/v1 by ${co.witness}`);
      }
      targets.push({ checkpoint: `witness ${co.witness}`, size: body.size, rootHex });
      if (body.size >= (witnessed.get(co.witness)?.size ?? -1)) {
        witnessed.set(co.witness, { size: body.size, time: co.cosignedAt ?? co.receivedAt });
      }
    } catch (error) {
      problems.push({
        code: 'signature',
        checkpoint: `witness ${co.witness}`,
        expected: options.verifier.name,
        found: (error as Error).message,
      });
    }
  }
  const givenLeaves = options.givenLeaves;
  let firstDiff: { index: number; before: string; now: string } | undefined;
  const bySize = new Map<number, Target[]>();
  for (const t of targets) bySize.set(t.size, [...(bySize.get(t.size) ?? []), t]);
  const matched: number[] = [0];
  const check = (size: number, rootHex: string) => {
    for (const t of bySize.get(size) ?? []) {
      if (t.rootHex === rootHex) matched.push(t.size);
      else if (t.checkpoint === 'given' && firstDiff !== undefined) {
        problems.push({
          code: 'rewritten',
          index: firstDiff.index,
          checkpoint: t.checkpoint,
          expected: firstDiff.before,
          found: firstDiff.now,
        });
      } else {
        const after = Math.max(...matched.filter((s) => s < t.size));
        problems.push({
          code: 'root',
          index: after,
          checkpoint: t.checkpoint,
          expected: t.rootHex,
          found: rootHex,
        });
      }
    }
  };

  const pageSize = options.pageSize ?? 20_000;
  const threaded = options.worker ?? (await evidenceSize(db)) >= 2 * pageSize;
  const hasher = (threaded ? await workerHasher() : undefined) ?? inThreadHasher();
  const range = new CompactRange();
  const total = options.onProgress ? await evidenceSize(db) : 0;
  check(0, hex(range.root()));
  const anomalies: SequenceAnomaly[] = [];
  const attachments: { index: number; file: EvidenceFile }[] = [];
  const sizes = [...bySize.keys()];
  /** Whether the block of leaves from `start` joins the tree whole (see checkPage). */
  const blockJoins = (start: number, whole: boolean) =>
    whole && start % BLOCK === 0 && !sizes.some((s) => s > start && s < start + BLOCK);
  let prevIdx = -1;
  let prevSaid = -1;
  /** Checks a page's rows once its leaf hashes are back (pages are checked in log order). */
  const checkPage = async (hashed: HashedPage) => {
    let { page } = hashed;
    let { leaves: hashes, blocks } = await hashed.leaves;
    // NOTE: one comparison of the whole page's stored hashes with the recomputed ones; row by
    // row only when they differ somewhere (a page read whole is then read again row by row).
    let leafHex = hex(hashes);
    let allAgree = page.storedAgree(leafHex);
    if (!allAgree && page.reread) {
      const again = await page.reread();
      if (!again) return;
      page = again.page;
      ({ leaves: hashes, blocks } = await again.leaves);
      leafHex = hex(hashes);
      allAgree = page.storedAgree(leafHex);
    }
    const { ends } = page.packed;
    const text = page.text;
    const base = range.size;
    // NOTE: a whole block of 16 leaves that starts on a multiple of 16 in the log, and inside
    // which no checkpoint ends, joins the tree as its subtree, hashed with the leaves.
    let inBlock = false;
    for (let i = 0; i < page.count; i += 1) {
      const idx = page.idxOf(i);
      const stored = allAgree ? '' : page.storedOf(i);
      if (!allAgree && (stored.length !== 64 || !leafHex.startsWith(stored, i * 64))) {
        problems.push({
          code: 'bytes-changed',
          index: idx,
          expected: stored,
          found: leafHex.slice(i * 64, i * 64 + 64),
        });
      }
      const said = page.indicesSaid ? idx : indexSaid(text, startOf(ends, i), ends[i]!);
      if (idx !== prevIdx + 1 || said !== idx) anomalies.push({ idx, said, prevIdx, prevSaid });
      prevIdx = idx;
      prevSaid = said ?? idx;
      const leaf = hashes.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE);
      const at = (base + i) * HASH_SIZE;
      if (givenLeaves && firstDiff === undefined && at < givenLeaves.length) {
        const then = givenLeaves.subarray(at, at + HASH_SIZE);
        if (!Buffer.from(then).equals(leaf)) {
          firstDiff = { index: base + i, before: hex(then), now: hex(leaf) };
        }
      }
      if (i % BLOCK === 0) inBlock = blockJoins(base + i, i + BLOCK <= page.count);
      if (!inBlock) range.append(leaf);
      else if (i % BLOCK === BLOCK - 1) {
        const j = (i - BLOCK + 1) * (HASH_SIZE / BLOCK);
        range.appendSubtree(blocks.subarray(j, j + HASH_SIZE), BLOCK_HEIGHT);
      } else continue;
      if (bySize.has(range.size)) check(range.size, hex(range.root()));
    }
    if (!page.columnsAgree) {
      problems.push(...(await columnProblems(db, page.idxOf(0), page.lastIdx)));
    }
    if (options.dataDir !== undefined && text.includes(FILES_KEY)) {
      attachments.push(...attachmentsOf(text, ends, page.idxOf));
    }
    options.onProgress?.(range.size, total);
  };
  // NOTE: the next windows are read (and hashed, on the worker when there is one) while page
  // k is checked, so at most four pages are held and the worker always has one to hash; reading and hashing are what verifying a large
  // log costs. After a window of no entries, reading goes on from the next stored index, if
  // any (the windows read ahead of it are dropped).
  const feed = logPageFeed(db, hasher, pageSize);
  const queue: { last: number; read: Promise<HashedPage | undefined> }[] = [];
  let next = -1;
  const fill = () => {
    while (queue.length < READ_AHEAD) {
      queue.push({ last: next, read: feed(next) });
      next += pageSize;
    }
  };
  try {
    fill();
    for (;;) {
      const { last, read } = queue.shift()!;
      const current = await read;
      if (current) {
        fill();
        await checkPage(current);
        continue;
      }
      await Promise.allSettled(queue.splice(0).map((q) => q.read));
      const following = await nextEvidenceIndex(db, last);
      if (following === undefined) break;
      next = following - 1;
      fill();
    }
  } finally {
    await Promise.allSettled(queue.map((q) => q.read));
    await hasher.close();
  }

  problems.push(...nameSequence(anomalies, prevIdx));
  if (options.dataDir !== undefined) {
    problems.push(...(await checkAttachments(options.dataDir, attachments)));
  }
  const size = range.size;
  const rootHashHex = hex(range.root());
  const head = await readHead(db).catch(() => undefined);
  const headRoot = head ? Buffer.from(head.root()).toString('hex') : '?';
  if (!head || head.size !== size || headRoot !== rootHashHex) {
    // A head whose size and hashes do not go together cannot be read: name it all the same.
    const headSize = head?.size ?? Number((await headSizeOf(db)) ?? Number.NaN);
    problems.push({
      code: 'head',
      index: Number.isNaN(headSize) ? 0 : Math.min(headSize, size),
      expected: `${headSize} ${headRoot}`,
      found: `${size} ${rootHashHex}`,
    });
  }
  for (const t of targets) {
    if (t.size > size) {
      problems.push({
        code: 'truncated',
        index: size,
        checkpoint: t.checkpoint,
        expected: String(t.size),
        found: String(size),
      });
    }
  }
  return {
    size,
    rootHashHex,
    checkpoints: stored.length,
    witnessed: [...witnessed].map(([witness, seen]) => ({ witness, ...seen })),
    problems,
  };
}

/** The head row's size as stored, even when its hashes do not go with it. */
async function headSizeOf(db: Db): Promise<number | undefined> {
  return (await readEvidenceHead(db))?.size;
}

/**
 * The rows of [first, last] whose derived columns differ from their bytes, each column named
 * with the value the bytes hold and the one stored (read row by row: only for a page whose
 * columns, read together, did not match).
 */
async function columnProblems(db: Db, first: number, last: number): Promise<VerifyProblem[]> {
  const rows = await readEvidenceColumns(db, first, last);
  const problems: VerifyProblem[] = [];
  for (const row of rows) {
    const fromBytes = columnsOfEntry(row.bytes ?? new Uint8Array());
    for (const field of COLUMN_NAMES) {
      const stored: unknown = row[field];
      const expected = fromBytes ? fromBytes[field] : undefined;
      if (stored !== expected) {
        problems.push({
          code: 'column',
          index: Number(row.idx),
          field,
          expected: expected === undefined ? '?' : expected === null ? 'NULL' : expected,
          found: stored === null ? 'NULL' : String(stored),
        });
      }
    }
  }
  return problems;
}
