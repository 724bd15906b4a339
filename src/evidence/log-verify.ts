import { type Kysely, sql } from 'kysely';
import type { Engine } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { verifyCheckpoint } from './checkpoint.js';
import { readHead } from './log.js';
import { CompactRange, leafHash } from './merkle.js';
import type { NoteVerifier } from './signed-note.js';
import { listCheckpoints } from './store-checkpoint.js';

/** What `verifyLog` found wrong; `expected` and `found` are printed side by side. */
export interface VerifyProblem {
  /**
   * - `bytes-changed`: an entry's bytes do not hash to its stored leaf hash;
   * - `moved`: the entry at this position says it was written at another index;
   * - `missing`: indices jump (an entry was removed);
   * - `head`: the head's size or root differs from the tree rebuilt from the entries;
   * - `truncated`: a checkpoint covers more entries than the log has;
   * - `root`: the first `size` entries no longer give the checkpoint's root (the change lies
   *   at or after `index`, the largest earlier size that still matched);
   * - `signature`: a stored checkpoint's signature or text does not check out.
   */
  code: 'bytes-changed' | 'moved' | 'missing' | 'head' | 'truncated' | 'root' | 'signature';
  index?: number;
  /** Stored checkpoint id, or `given` for the one passed with --checkpoint. */
  checkpoint?: number | 'given';
  expected: string;
  found: string;
}

/** The outcome of a full check of the log. */
export interface VerifyReport {
  size: number;
  rootHashHex: string;
  checkpoints: number;
  problems: VerifyProblem[];
}

export interface VerifyLogOptions {
  /** The store's engine: entries are read as bytes, the way each engine spells it. */
  engine: Engine;
  /** The key the checkpoints are checked with. */
  verifier: NoteVerifier;
  /** A checkpoint handed out earlier (its text), proved to be a prefix of the log. */
  given?: string;
  /** Rows read per query (default 20,000). */
  pageSize?: number;
}

interface Target {
  checkpoint: number | 'given';
  size: number;
  rootHex: string;
}

const INDEX_KEY = Buffer.from('"index":');
const COMMA = 0x2c;
const BRACE = 0x7b;

/** The index an entry's bytes say it was written at (its top-level `"index"` field). */
function indexSaid(bytes: Buffer): string | undefined {
  for (let at = bytes.indexOf(INDEX_KEY); at >= 0; at = bytes.indexOf(INDEX_KEY, at + 1)) {
    const before = bytes[at - 1];
    if (before !== COMMA && before !== BRACE) continue;
    let end = at + INDEX_KEY.length;
    while (end < bytes.length && bytes[end]! >= 0x30 && bytes[end]! <= 0x39) end += 1;
    return bytes.toString('latin1', at + INDEX_KEY.length, end);
  }
  return undefined;
}

/**
 * Rebuilds the tree from the stored bytes and checks it against everything that vouches for
 * it: each row's leaf hash and index, contiguous indices, the head, every stored checkpoint
 * (its signature and the root of the first `size` entries) and an earlier checkpoint.
 * Reads the log page by page; memory stays O(page + log n).
 */
export async function verifyLog(
  db: Kysely<Database>,
  options: VerifyLogOptions,
): Promise<VerifyReport> {
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
    const body = verifyCheckpoint(options.given, options.verifier);
    targets.push({
      checkpoint: 'given',
      size: body.size,
      rootHex: Buffer.from(body.rootHash).toString('hex'),
    });
  }
  const bySize = new Map<number, Target[]>();
  for (const t of targets) bySize.set(t.size, [...(bySize.get(t.size) ?? []), t]);
  const matched: number[] = [0];
  const check = (range: CompactRange) => {
    const due = bySize.get(range.size);
    if (!due) return;
    const rootHex = Buffer.from(range.root()).toString('hex');
    for (const t of due) {
      if (t.rootHex === rootHex) matched.push(t.size);
      else {
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

  const range = new CompactRange();
  check(range);
  const pageSize = options.pageSize ?? 20_000;
  let last = -1;
  for (;;) {
    // NOTE: the entry is read as bytes (no UTF-8 decode and re-encode per row): the hash is
    // over exactly the stored bytes, and verifying a million entries is bound by this loop.
    const bytes =
      options.engine === 'postgres'
        ? sql<Buffer>`convert_to(entry, 'UTF8')`
        : sql<Buffer>`cast(entry as blob)`;
    const rows = await db
      .selectFrom('evidence_entries')
      .select(['idx', bytes.as('bytes'), 'leaf_hash'])
      .where('idx', '>', last)
      .orderBy('idx')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const idx = Number(row.idx);
      const position = range.size;
      if (idx !== position) {
        problems.push({
          code: 'missing',
          index: position,
          expected: String(position),
          found: String(idx),
        });
      }
      const hash = leafHash(row.bytes);
      const hex = Buffer.from(hash.buffer, hash.byteOffset, hash.length).toString('hex');
      if (hex !== row.leaf_hash) {
        problems.push({
          code: 'bytes-changed',
          index: position,
          expected: row.leaf_hash,
          found: hex,
        });
      }
      const said = indexSaid(row.bytes);
      if (said !== String(idx)) {
        problems.push({ code: 'moved', index: idx, expected: String(idx), found: said ?? '-' });
      }
      range.append(hash);
      check(range);
    }
    if (rows.length < pageSize) break;
    last = Number(rows[rows.length - 1]!.idx);
  }

  const rootHashHex = Buffer.from(range.root()).toString('hex');
  const head = await readHead(db);
  const headRoot = Buffer.from(head.root()).toString('hex');
  if (head.size !== range.size || headRoot !== rootHashHex) {
    problems.push({
      code: 'head',
      index: Math.min(head.size, range.size),
      expected: `${head.size} ${headRoot}`,
      found: `${range.size} ${rootHashHex}`,
    });
  }
  for (const t of targets) {
    if (t.size > range.size) {
      problems.push({
        code: 'truncated',
        index: range.size,
        checkpoint: t.checkpoint,
        expected: String(t.size),
        found: String(range.size),
      });
    }
  }
  return { size: range.size, rootHashHex, checkpoints: stored.length, problems };
}
