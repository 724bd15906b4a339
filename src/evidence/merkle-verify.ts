import { LoaError } from '../errors/loa-error.js';
import {
  HASH_SIZE,
  isPowerOfTwo,
  isTreeCount,
  largestPowerOfTwoBelow,
  nodeHash,
  sameHash,
} from './tree-hash.js';

/** Why a proof was refused; stable tokens, shown to users inside EVIDENCE_PROOF_INVALID. */
export type ProofFailureReason =
  /** An index or size is not a non-negative safe integer. */
  | 'bad-size'
  /** Inclusion: the leaf index is not below the tree size. */
  | 'index-out-of-range'
  /** Consistency: the earlier size is larger than the later one. */
  | 'size-order'
  /** Consistency: the earlier tree is empty (RFC 9162 requires 0 < first). */
  | 'empty-tree'
  /** The proof has too many or too few hashes for these sizes. */
  | 'proof-length'
  /** A leaf or proof hash is not 32 bytes. */
  | 'hash-length'
  /** Inclusion: the path does not lead to the given root. */
  | 'root-mismatch'
  /** Consistency: the proof does not rebuild the earlier root. */
  | 'root1-mismatch'
  /** Consistency: the proof does not rebuild the later root. */
  | 'root2-mismatch';

/** A refused proof: why, and a short English detail with the numbers involved. */
export interface ProofFailure {
  ok: false;
  reason: ProofFailureReason;
  detail: string;
}

/** The verdict of a verifier: `{ ok: true }` or a {@link ProofFailure}. */
export type ProofResult = { ok: true } | ProofFailure;

const OK: ProofResult = { ok: true };

function fail(reason: ProofFailureReason, detail: string): ProofFailure {
  return { ok: false, reason, detail };
}

/** The failure as the catalogue's `EVIDENCE_PROOF_INVALID` error, for callers that throw. */
export function proofError(failure: ProofFailure): LoaError {
  return new LoaError('EVIDENCE_PROOF_INVALID', {
    params: { reason: failure.reason, detail: failure.detail },
  });
}

/**
 * Verifies that `leafHash` is leaf `index` of the tree of `size` leaves whose root is `root`,
 * by the algorithm of RFC 9162 §2.1.3.2.
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): ProofResult {
  if (!isTreeCount(index) || !isTreeCount(size)) {
    return fail('bad-size', `index ${index}, size ${size}`);
  }
  if (index >= size) return fail('index-out-of-range', `index ${index} in a tree of ${size}`);
  const expected = inclusionProofLength(index, size);
  if (proof.length !== expected) {
    return fail('proof-length', `${proof.length} hashes, expected ${expected}`);
  }
  const badHash = [leafHash, ...proof].find((hash) => hash.length !== HASH_SIZE);
  if (badHash) return fail('hash-length', `a hash of ${badHash.length} bytes`);

  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return fail('proof-length', 'the proof is longer than the path');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0) return fail('proof-length', 'the proof is shorter than the path');
  if (!sameHash(r, root)) return fail('root-mismatch', `leaf ${index} does not lead to the root`);
  return OK;
}

/**
 * Verifies that the tree of `size1` leaves with root `root1` is a prefix of the tree of
 * `size2` leaves with root `root2`, by the algorithm of RFC 9162 §2.1.4.2. Equal sizes need
 * an empty proof and equal roots; size1 = 0 is refused, as the RFC's 0 < first asks.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): ProofResult {
  if (!isTreeCount(size1) || !isTreeCount(size2)) {
    return fail('bad-size', `size1 ${size1}, size2 ${size2}`);
  }
  if (size1 > size2) return fail('size-order', `size1 ${size1} is larger than size2 ${size2}`);
  if (size1 === 0) return fail('empty-tree', 'an empty tree proves nothing about a later one');
  if (size1 === size2) {
    if (proof.length !== 0) return fail('proof-length', `${proof.length} hashes, expected 0`);
    if (!sameHash(root1, root2)) return fail('root2-mismatch', `two roots for size ${size1}`);
    return OK;
  }
  const expected = consistencyProofLength(size1, size2);
  if (proof.length !== expected) {
    return fail('proof-length', `${proof.length} hashes, expected ${expected}`);
  }
  const badHash = proof.find((hash) => hash.length !== HASH_SIZE);
  if (badHash) return fail('hash-length', `a hash of ${badHash.length} bytes`);

  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) [fn, sn] = [half(fn), half(sn)];
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return fail('proof-length', 'the proof is longer than the path');
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0) return fail('proof-length', 'the proof is shorter than the path');
  if (!sameHash(fr, root1)) {
    return fail('root1-mismatch', `the proof does not rebuild the root of size ${size1}`);
  }
  if (!sameHash(sr, root2)) {
    return fail('root2-mismatch', `the proof does not rebuild the root of size ${size2}`);
  }
  return OK;
}

/** Right shift by one for sizes beyond 32 bits. */
function half(n: number): number {
  return Math.floor(n / 2);
}

/** Hashes in PATH(index, D[size]) (RFC 9162 §2.1.3.1), for 0 ≤ index < size. */
export function inclusionProofLength(index: number, size: number): number {
  let length = 0;
  let m = index;
  for (let n = size; n > 1; length += 1) {
    const k = largestPowerOfTwoBelow(n);
    if (m < k) n = k;
    else [m, n] = [m - k, n - k];
  }
  return length;
}

/** Hashes in PROOF(size1, D[size2]) (RFC 9162 §2.1.4.1), for 0 < size1 ≤ size2. */
export function consistencyProofLength(size1: number, size2: number): number {
  let length = 0;
  let complete = true;
  let [m, n] = [size1, size2];
  while (m !== n) {
    const k = largestPowerOfTwoBelow(n);
    if (m <= k) n = k;
    else [m, n, complete] = [m - k, n - k, false];
    length += 1;
  }
  return complete ? length : length + 1;
}
