import { describe, expect, it } from 'vitest';
import { LoaError } from '../../src/errors/loa-error.js';
import {
  CompactRange,
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  nodeHash,
  rootFromLeafHashes,
  verifyConsistency,
  verifyInclusion,
} from '../../src/evidence/merkle.js';
import { canonicalBytes } from '../../src/model/canonical-json.js';

const MAX = 64;
const leaves = Array.from({ length: MAX }, (_, i) =>
  leafHash(canonicalBytes({ seq: i, kind: 'published', title: `Bản tin CCHC số ${i}` })),
);
const roots = Array.from({ length: MAX + 1 }, (_, n) => rootFromLeafHashes(leaves.slice(0, n)));

/** MTH written straight from RFC 9162 §2.1.1, as the reference the fast code must match. */
function referenceRoot(hashes: Uint8Array[]): Uint8Array {
  if (hashes.length === 0) return EMPTY_ROOT;
  if (hashes.length === 1) return hashes[0]!;
  let k = 1;
  while (k * 2 < hashes.length) k *= 2;
  return nodeHash(referenceRoot(hashes.slice(0, k)), referenceRoot(hashes.slice(k)));
}

describe('roots', () => {
  it('match the recursive definition and the incremental range for sizes 0..64', () => {
    const range = new CompactRange();
    for (let n = 0; n <= MAX; n += 1) {
      if (n > 0) range.append(leaves[n - 1]!);
      expect(range.size).toBe(n);
      expect(range.root()).toEqual(referenceRoot(leaves.slice(0, n)));
      expect(roots[n]).toEqual(range.root());
    }
  });

  it('restores a range from its stored subtree hashes and keeps growing it', () => {
    const first = new CompactRange();
    for (const leaf of leaves.slice(0, 37)) first.append(leaf);
    // 37 = 0b100101: three perfect subtrees (32, 4, 1) are all the state a log of 37 keeps.
    expect(first.hashes.length).toBe(3);
    const restored = CompactRange.restore(first.size, first.hashes);
    for (const leaf of leaves.slice(37)) restored.append(leaf);
    expect(restored.root()).toEqual(roots[MAX]);
    expect(() => CompactRange.restore(37, first.hashes.slice(1))).toThrow(LoaError);
  });

  it('refuses a leaf hash that is not 32 bytes', () => {
    expect(() => new CompactRange().append(new Uint8Array(31))).toThrow(LoaError);
  });
});

describe('generated proofs', () => {
  it('verify for every index of every tree size 1..64', () => {
    for (let size = 1; size <= MAX; size += 1) {
      for (let index = 0; index < size; index += 1) {
        const proof = inclusionProof(leaves, index, size);
        expect(verifyInclusion(leaves[index]!, index, size, proof, roots[size]!)).toEqual({
          ok: true,
        });
        // The same proof does not vouch for a neighbouring leaf.
        const other = leaves[(index + 1) % MAX]!;
        expect(verifyInclusion(other, index, size, proof, roots[size]!).ok).toBe(false);
      }
    }
  });

  it('verify consistency for every pair of sizes 1 ≤ size1 ≤ size2 ≤ 64', () => {
    for (let size2 = 1; size2 <= MAX; size2 += 1) {
      for (let size1 = 1; size1 <= size2; size1 += 1) {
        const proof = consistencyProof(leaves, size1, size2);
        const result = verifyConsistency(size1, size2, proof, roots[size1]!, roots[size2]!);
        expect(result, `${size1} → ${size2}`).toEqual({ ok: true });
        if (size1 < size2) {
          // Against a root of a different size, the proof fails.
          const wrong = verifyConsistency(size1, size2, proof, roots[size1 - 1]!, roots[size2]!);
          expect(wrong.ok).toBe(false);
        }
      }
    }
  });

  it('name why a proof is refused', () => {
    const proof = inclusionProof(leaves, 5, 20);
    expect(verifyInclusion(leaves[5]!, 20, 20, proof, roots[20]!)).toMatchObject({
      reason: 'index-out-of-range',
    });
    expect(verifyInclusion(leaves[5]!, 5, 20, proof.slice(1), roots[20]!)).toMatchObject({
      reason: 'proof-length',
    });
    expect(verifyInclusion(leaves[5]!, 5, 20, proof, roots[19]!)).toMatchObject({
      reason: 'root-mismatch',
    });
    expect(verifyInclusion(leaves[5]!, -1, 20, proof, roots[20]!)).toMatchObject({
      reason: 'bad-size',
    });
    const consistency = consistencyProof(leaves, 7, 20);
    expect(verifyConsistency(20, 7, consistency, roots[20]!, roots[7]!)).toMatchObject({
      reason: 'size-order',
    });
    expect(verifyConsistency(7, 20, consistency, roots[7]!, roots[21]!)).toMatchObject({
      reason: 'root2-mismatch',
    });
    expect(
      verifyConsistency(7, 20, [...consistency, leaves[0]!], roots[7]!, roots[20]!),
    ).toMatchObject({ reason: 'proof-length' });
    expect(verifyConsistency(0, 20, [], EMPTY_ROOT, roots[20]!)).toMatchObject({
      reason: 'empty-tree',
    });
  });

  it('refuse requests outside the log', () => {
    expect(() => inclusionProof(leaves, 64, 64)).toThrow(LoaError);
    expect(() => inclusionProof(leaves, 0, 65)).toThrow(LoaError);
    expect(() => consistencyProof(leaves, 0, 10)).toThrow(LoaError);
    expect(() => consistencyProof(leaves, 11, 10)).toThrow(LoaError);
    expect(consistencyProof(leaves, 10, 10)).toEqual([]);
  });
});
