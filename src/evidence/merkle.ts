import { CompactRange } from './compact-range.js';

/**
 * RFC 9162 (Certificate Transparency 2.0) Merkle tree of the evidence log, SHA-256:
 * leaf = SHA-256(0x00 ‖ entry bytes), node = SHA-256(0x01 ‖ left ‖ right). This module is
 * the one import a caller needs: hashing, roots, the incremental range, proofs, verifiers.
 */

/**
 * MTH(D[n]) of RFC 9162 §2.1.1 for a list of leaf hashes, for any n (the empty list gives
 * {@link EMPTY_ROOT}). Memory beyond the input is O(log n).
 */
export function rootFromLeafHashes(hashes: Iterable<Uint8Array>): Uint8Array {
  const range = new CompactRange();
  for (const hash of hashes) range.append(hash);
  return range.root();
}

export { CompactRange } from './compact-range.js';
export { consistencyProof, inclusionProof } from './merkle-proofs.js';
export {
  type ProofFailure,
  type ProofFailureReason,
  type ProofResult,
  proofError,
  verifyConsistency,
  verifyInclusion,
} from './merkle-verify.js';
export {
  EMPTY_ROOT,
  HASH_SIZE,
  leafHash,
  nodeHash,
  sameHash,
  subtreeHash,
} from './tree-hash.js';
