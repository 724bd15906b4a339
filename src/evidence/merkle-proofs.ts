import { largestPowerOfTwoBelow, subtreeHash, treeRangeError } from './tree-hash.js';

/**
 * The audit path of RFC 9162 §2.1.3.1 (PATH): the sibling hashes, deepest first, that lead
 * from leaf `index` to the root of the tree made of the first `size` leaf hashes.
 * Throws `EVIDENCE_TREE_RANGE` unless 0 ≤ index < size ≤ leafHashes.length.
 */
export function inclusionProof(
  leafHashes: readonly Uint8Array[],
  index: number,
  size: number,
): Uint8Array[] {
  checkSize(size, leafHashes.length);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw treeRangeError(`leaf index ${index} is not inside a tree of ${size} entries`);
  }
  return path(leafHashes, index, 0, size);
}

/**
 * The consistency proof of RFC 9162 §2.1.4.1 (PROOF = SUBPROOF(m, D[n], true)) that the tree
 * of the first `size1` leaves is a prefix of the tree of the first `size2` leaves. Empty when
 * the sizes are equal. Throws `EVIDENCE_TREE_RANGE` unless 0 < size1 ≤ size2 ≤ the leaf count:
 * the RFC defines no proof from the empty tree (every tree extends it).
 */
export function consistencyProof(
  leafHashes: readonly Uint8Array[],
  size1: number,
  size2: number,
): Uint8Array[] {
  checkSize(size2, leafHashes.length);
  if (!Number.isSafeInteger(size1) || size1 < 1 || size1 > size2) {
    throw treeRangeError(`no consistency proof from size ${size1} to size ${size2}`);
  }
  return subproof(leafHashes, size1, 0, size2, true);
}

function checkSize(size: number, count: number): void {
  if (!Number.isSafeInteger(size) || size < 0 || size > count) {
    throw treeRangeError(`tree size ${size} with ${count} entries in the log`);
  }
}

/** PATH(m, D[start:end]). */
function path(hashes: readonly Uint8Array[], m: number, start: number, end: number): Uint8Array[] {
  const n = end - start;
  if (n === 1) return [];
  const k = largestPowerOfTwoBelow(n);
  if (m < k) {
    const proof = path(hashes, m, start, start + k);
    proof.push(subtreeHash(hashes, start + k, end));
    return proof;
  }
  const proof = path(hashes, m - k, start + k, end);
  proof.push(subtreeHash(hashes, start, start + k));
  return proof;
}

/** SUBPROOF(m, D[start:end], b). */
function subproof(
  hashes: readonly Uint8Array[],
  m: number,
  start: number,
  end: number,
  complete: boolean,
): Uint8Array[] {
  const n = end - start;
  if (m === n) return complete ? [] : [subtreeHash(hashes, start, end)];
  const k = largestPowerOfTwoBelow(n);
  if (m <= k) {
    const proof = subproof(hashes, m, start, start + k, complete);
    proof.push(subtreeHash(hashes, start + k, end));
    return proof;
  }
  const proof = subproof(hashes, m - k, start + k, end, false);
  proof.push(subtreeHash(hashes, start, start + k));
  return proof;
}
