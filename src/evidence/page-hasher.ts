import { Worker } from 'node:worker_threads';
import { HASH_SIZE, leafHash, nodeHash } from './tree-hash.js';

/**
 * One page of entries, packed as the store reads them: a 0x00 byte before each entry, so
 * that entry i is `bytes[startOf(ends, i), ends[i])` and 0x00 ‖ entry, its leaf hash's input,
 * lies just before.
 */
export interface PackedPage {
  bytes: Uint8Array;
  ends: Uint32Array;
}

/** Where entry i of a packed page starts (after its 0x00 byte). */
export function startOf(ends: Uint32Array, i: number): number {
  return (i === 0 ? 0 : ends[i - 1]!) + 1;
}

/** Leaves in a block: the page's leaves are also hashed into subtrees of this many. */
export const BLOCK_HEIGHT = 4;
const BLOCK = 2 ** BLOCK_HEIGHT;

/** A page's hashes: its leaves, and the subtree over each whole block of them. */
export interface PageHashes {
  /** The leaf hashes, 32 bytes each, in order. */
  leaves: Uint8Array;
  /**
   * The RFC 9162 subtree hash over leaves [16 j, 16 j + 16) of the page, for each whole
   * block j: the tree takes a block at once where it is aligned (most of a log's node hashes).
   */
  blocks: Uint8Array;
}

/**
 * Computes the hashes of the log's pages. Pages may be handed before earlier ones are back.
 * A page's bytes may be taken over (their buffer detached): read them before handing it.
 */
export interface LeafHasher {
  leaves(page: PackedPage): Promise<PageHashes>;
  close(): Promise<void>;
}

/** Packs entries' bytes into one buffer, each after a 0x00 byte, and their end offsets. */
export function packPage(entries: readonly Uint8Array[]): PackedPage {
  let total = 0;
  for (const e of entries) total += e.length + 1;
  const bytes = new Uint8Array(total);
  const ends = new Uint32Array(entries.length);
  let at = 0;
  entries.forEach((e, i) => {
    bytes.set(e, at + 1);
    at += e.length + 1;
    ends[i] = at;
  });
  return { bytes, ends };
}

/**
 * The end offsets of the entries of `bytes` (a 0x00 byte before each), when there are
 * exactly `n` of them; undefined otherwise (an entry holding a 0x00 byte, or a NULL one).
 */
export function endsOf(bytes: Uint8Array, n: number): Uint32Array | undefined {
  if (n === 0 || bytes[0] !== 0) return undefined;
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const ends = new Uint32Array(n);
  let at = 0;
  for (let i = 0; i < n; i += 1) {
    const next = data.indexOf(0, at + 1);
    if (next < 0 !== (i === n - 1)) return undefined;
    at = next < 0 ? data.length : next;
    ends[i] = at;
  }
  return ends;
}

/** Hashes pages on the calling thread. */
export function inThreadHasher(): LeafHasher {
  return {
    async leaves({ bytes, ends }) {
      const out = new Uint8Array(ends.length * HASH_SIZE);
      ends.forEach((end, i) => {
        out.set(leafHash(bytes.subarray(startOf(ends, i), end)), i * HASH_SIZE);
      });
      const blocks = new Uint8Array(Math.floor(ends.length / BLOCK) * HASH_SIZE);
      for (let j = 0; j * HASH_SIZE < blocks.length; j += 1) {
        let level: Uint8Array[] = [];
        for (let k = 0; k < BLOCK; k += 1) {
          const at = (j * BLOCK + k) * HASH_SIZE;
          level.push(out.subarray(at, at + HASH_SIZE));
        }
        while (level.length > 1) {
          const up: Uint8Array[] = [];
          for (let k = 0; k < level.length; k += 2) up.push(nodeHash(level[k]!, level[k + 1]!));
          level = up;
        }
        blocks.set(level[0]!, j * HASH_SIZE);
      }
      return { leaves: out, blocks };
    },
    async close() {},
  };
}

// NOTE: the worker's source is plain JavaScript evaluated by the worker (`eval: true`), not a
// module file: it then runs the same under tsx, vitest and from dist/, with no loader to
// resolve `.js` to `.ts`. It is only RFC 9162's leaf hash, SHA-256(0x00 ‖ entry), and node
// hash, SHA-256(0x01 ‖ left ‖ right), restated from tree-hash.ts for the blocks of 16 leaves;
// the tree itself is built on the calling thread. verifyLog's tests run both hashers against
// tampered logs on both engines.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
// The digest as a latin1 string written in place: no Buffer allocated per hash.
const put = typeof crypto.hash === 'function'
  ? (b, out, at) => out.latin1Write(crypto.hash('sha256', b, 'binary'), at)
  : (b, out, at) => crypto.createHash('sha256').update(b).digest().copy(out, at);
const level = Buffer.alloc(512);
const node = Buffer.alloc(65, 1);
// Each entry follows a 0x00 byte: 0x00 ‖ entry, its leaf hash's input, is hashed where it
// lies. Then each whole block of 16 leaves is hashed up to its subtree, level by level.
function hashPage(bytes, ends) {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const leaves = new Uint8Array(ends.length * 32);
  const out = Buffer.from(leaves.buffer);
  let start = 0;
  for (let i = 0; i < ends.length; i += 1) {
    put(data.subarray(start, ends[i]), out, i * 32);
    start = ends[i];
  }
  const blocks = new Uint8Array(Math.floor(ends.length / 16) * 32);
  const blocksOut = Buffer.from(blocks.buffer);
  for (let j = 0; j * 32 < blocks.length; j += 1) {
    out.copy(level, 0, j * 512, j * 512 + 512);
    for (let n = 16; n > 1; n /= 2) {
      for (let k = 0; k < n / 2; k += 1) {
        level.copy(node, 1, 64 * k, 64 * k + 64);
        put(node, level, 32 * k);
      }
    }
    level.copy(blocksOut, j * 32, 0, 32);
  }
  return { leaves, blocks };
}
parentPort.on('message', ({ bytes, ends }) => {
  const hashes = hashPage(bytes, ends);
  parentPort.postMessage(hashes, [hashes.leaves.buffer, hashes.blocks.buffer]);
});
`;

/**
 * Hashes pages on a worker thread, so the next page is read, and the tree built, while this
 * one is hashed. Returns undefined when no worker can be started (the caller hashes in-thread).
 */
export async function workerHasher(): Promise<LeafHasher | undefined> {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true });
    await new Promise<void>((resolve, reject) => {
      worker.once('online', resolve);
      worker.once('error', reject);
    });
  } catch {
    return undefined;
  }
  const pending: Array<{ resolve: (hashes: PageHashes) => void; reject: (e: Error) => void }> = [];
  const fail = (error: Error) => {
    for (const p of pending.splice(0)) p.reject(error);
  };
  worker.on('message', (hashes: PageHashes) => pending.shift()?.resolve(hashes));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`evidence hashing worker exited (${code})`)));
  return {
    leaves(page) {
      return new Promise((resolve, reject) => {
        pending.push({ resolve, reject });
        // NOTE: bytes that fill a buffer of their own are handed over, not copied (a copy of
        // each page cost the reading thread a sixth of its time); bytes that share a buffer
        // with other data, or a buffer that cannot be handed over, are copied.
        const { buffer, byteOffset, byteLength } = page.bytes;
        if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) {
          try {
            worker.postMessage(page, [buffer]);
            return;
          } catch {
            // Marked untransferable (Node's own pools): copied below.
          }
        }
        worker.postMessage(page);
      });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
