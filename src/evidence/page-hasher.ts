import { Worker } from 'node:worker_threads';
import { CompactRange } from './compact-range.js';
import { HASH_SIZE } from './tree-hash.js';

/** One page of entries, packed: entry i is `bytes[ends[i - 1] ?? 0, ends[i])`. */
export interface PackedPage {
  bytes: Uint8Array;
  ends: Uint32Array;
}

/** What hashing a page gave: its leaf hashes and the roots the tree had along the way. */
export interface PageHashes {
  /** The page's leaf hashes in hex, 64 characters each, in order. */
  leafHex: string;
  /** Root (hex) at each wanted size reached while appending this page. */
  roots: Map<number, string>;
  /** Size and root (hex) of the tree after the page. */
  size: number;
  rootHex: string;
}

/**
 * Hashes the log's pages in order, keeping the tree's compact range: pages must be handed
 * in log order, each after the previous one was handed (the promises may still be pending).
 */
export interface PageHasher {
  hash(page: PackedPage): Promise<PageHashes>;
  close(): Promise<void>;
}

/** Packs entries' bytes into one buffer (transferable to a worker) and their end offsets. */
export function packPage(entries: readonly Uint8Array[]): PackedPage {
  let total = 0;
  for (const e of entries) total += e.length;
  const bytes = new Uint8Array(total);
  const ends = new Uint32Array(entries.length);
  let at = 0;
  entries.forEach((e, i) => {
    bytes.set(e, at);
    at += e.length;
    ends[i] = at;
  });
  return { bytes, ends };
}

/** Hashes pages on the calling thread. */
export function inThreadHasher(wanted: readonly number[]): PageHasher {
  const range = new CompactRange();
  const want = new Set(wanted);
  return {
    async hash({ bytes, ends }) {
      const leaves = Buffer.allocUnsafe(ends.length * HASH_SIZE);
      const roots = new Map<number, string>();
      let start = 0;
      ends.forEach((end, i) => {
        const hash = range.appendEntry(bytes.subarray(start, end));
        leaves.set(hash, i * HASH_SIZE);
        start = end;
        if (want.has(range.size)) roots.set(range.size, hex(range.root()));
      });
      return {
        leafHex: leaves.toString('hex'),
        roots,
        size: range.size,
        rootHex: hex(range.root()),
      };
    },
    async close() {},
  };
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');
}

// NOTE: the worker's source is plain JavaScript evaluated by the worker (`eval: true`), not a
// module file: it then runs the same under tsx, vitest and from dist/, with no loader to
// resolve `.js` to `.ts`. It is the RFC 9162 leaf/node hash and the compact range of
// compact-range.ts, restated; verifyLog's tests run it against tampered logs on both engines.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const sha = typeof crypto.hash === 'function'
  ? (b) => crypto.hash('sha256', b, 'buffer')
  : (b) => crypto.createHash('sha256').update(b).digest();
const want = new Set(workerData.wanted);
const stack = [];
let size = 0;
const node = Buffer.alloc(65);
node[0] = 1;
const nodeHash = (l, r) => { l.copy(node, 1); r.copy(node, 33); return sha(node); };
const root = () => {
  if (stack.length === 0) return sha(Buffer.alloc(0)).toString('hex');
  let h = stack[stack.length - 1];
  for (let i = stack.length - 2; i >= 0; i -= 1) h = nodeHash(stack[i], h);
  return h.toString('hex');
};
let scratch = Buffer.alloc(4096);
parentPort.on('message', ({ bytes, ends }) => {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const leaves = Buffer.allocUnsafe(ends.length * 32);
  const roots = [];
  let start = 0;
  for (let i = 0; i < ends.length; i += 1) {
    const len = ends[i] - start;
    if (scratch.length < len + 1) scratch = Buffer.alloc(2 * (len + 1));
    scratch[0] = 0;
    data.copy(scratch, 1, start, ends[i]);
    let hash = sha(scratch.subarray(0, len + 1));
    hash.copy(leaves, i * 32);
    start = ends[i];
    stack.push(hash);
    for (let carry = size; carry % 2 === 1; carry = (carry - 1) / 2) {
      const r = stack.pop();
      stack.push(nodeHash(stack.pop(), r));
    }
    size += 1;
    if (want.has(size)) roots.push([size, root()]);
  }
  parentPort.postMessage({ leafHex: leaves.toString('hex'), roots, size, rootHex: root() });
});
`;

/**
 * Hashes pages on a worker thread, so the next page is read while this one is hashed.
 * Returns undefined when no worker can be started (the caller hashes in-thread).
 */
export async function workerHasher(wanted: readonly number[]): Promise<PageHasher | undefined> {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { wanted: [...wanted] } });
    await new Promise<void>((resolve, reject) => {
      worker.once('online', resolve);
      worker.once('error', reject);
    });
  } catch {
    return undefined;
  }
  const pending: Array<{ resolve: (h: PageHashes) => void; reject: (e: Error) => void }> = [];
  const fail = (error: Error) => {
    for (const p of pending.splice(0)) p.reject(error);
  };
  worker.on('message', (m: Omit<PageHashes, 'roots'> & { roots: [number, string][] }) => {
    pending.shift()?.resolve({ ...m, roots: new Map(m.roots) });
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`evidence hashing worker exited (${code})`)));
  return {
    hash(page) {
      return new Promise((resolve, reject) => {
        pending.push({ resolve, reject });
        worker.postMessage(page, [
          page.bytes.buffer as ArrayBuffer,
          page.ends.buffer as ArrayBuffer,
        ]);
      });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
