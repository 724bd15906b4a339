import * as crypto from 'node:crypto';
import { LoaError } from '../errors/loa-error.js';

// NOTE: the hash primitives of the RFC 9162 tree, shared by the compact range, the proof
// writer and the verifiers; callers import them through merkle.ts.

/** Bytes in a SHA-256 hash: every leaf, node and root hash of the log. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** MTH({}) = SHA-256 of the empty string: the root of a log with no entries. */
export const EMPTY_ROOT: Uint8Array = new Uint8Array(crypto.createHash('sha256').digest());

// NOTE: crypto.hash (Node ≥ 20.12) hashes without a Hash object, about 1.5–2× faster on
// inputs this small; older Nodes take the createHash path. Both give the same bytes. Its
// digest is taken as a latin1 ('binary') string and copied into a 32-byte Uint8Array: a
// Buffer digest costs an external allocation per hash, about twice the hash itself for the
// million node hashes of verifying a large log.
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : undefined;

/** The 32 bytes of a digest given as a latin1 string (one character a byte). */
function bytesOf(digest: string): Uint8Array {
  const out = new Uint8Array(HASH_SIZE);
  for (let i = 0; i < HASH_SIZE; i += 1) out[i] = digest.charCodeAt(i);
  return out;
}
/** Scratch input of a node hash, 0x01 ‖ left ‖ right; used synchronously, never shared. */
const nodeInput = new Uint8Array(1 + 2 * HASH_SIZE);
nodeInput[0] = 0x01;
/** Scratch input of a leaf hash, 0x00 ‖ bytes; grows to the largest entry, used synchronously. */
let leafInput = Buffer.alloc(4096);

/** The leaf hash of one entry's bytes (its canonical JSON): SHA-256(0x00 ‖ bytes). */
export function leafHash(bytes: Uint8Array): Uint8Array {
  if (!oneShot) {
    return plain(crypto.createHash('sha256').update(LEAF_PREFIX).update(bytes).digest());
  }
  if (leafInput.length < bytes.length + 1) leafInput = Buffer.alloc(2 * (bytes.length + 1));
  leafInput.set(bytes, 1);
  return bytesOf(oneShot('sha256', leafInput.subarray(0, bytes.length + 1), 'binary'));
}

/** The hash of an interior node: SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (!oneShot || left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    const hash = crypto.createHash('sha256').update(NODE_PREFIX).update(left).update(right);
    return plain(hash.digest());
  }
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return bytesOf(oneShot('sha256', nodeInput, 'binary'));
}

/** A plain Uint8Array view of a digest, so hashes compare equal whatever made them. */
function plain(digest: Buffer): Uint8Array {
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.length);
}

/**
 * The hash of the subtree over leaves [start, end) where end - start is any size ≥ 1:
 * MTH of that slice, split at the largest power of two below its size.
 */
export function subtreeHash(hashes: readonly Uint8Array[], start: number, end: number): Uint8Array {
  const count = end - start;
  if (count === 1) return hashes[start]!;
  const k = largestPowerOfTwoBelow(count);
  return nodeHash(subtreeHash(hashes, start, start + k), subtreeHash(hashes, start + k, end));
}

/** The largest power of two strictly smaller than n (n ≥ 2), without 32-bit overflow. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Whether n (≥ 1) is an exact power of two. */
export function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

/** Whether a tree size or index is usable: a non-negative safe integer. */
export function isTreeCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** Byte-wise equality of two hashes (not constant-time: hashes are public). */
export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** The catalogue's out-of-range error, with a plain description of the request. */
export function treeRangeError(detail: string): LoaError {
  return new LoaError('EVIDENCE_TREE_RANGE', { params: { detail } });
}
