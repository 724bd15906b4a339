import { readLeafHashes } from '../store/evidence.js';
import type { Db } from '../store/types.js';
import { evidenceSize } from './log.js';
import { consistencyProof, inclusionProof, rootFromLeafHashes } from './merkle.js';
import { treeRangeError } from './tree-hash.js';

/** An inclusion proof as loa prints it and the bundle carries it (hashes in hex). */
export interface InclusionProofJson {
  index: number;
  size: number;
  leafHash: string;
  rootHash: string;
  proof: string[];
}

/** A consistency proof as loa prints it (hashes in hex). */
export interface ConsistencyProofJson {
  size1: number;
  size2: number;
  rootHash1: string;
  rootHash2: string;
  proof: string[];
}

const hex = (hash: Uint8Array) => Buffer.from(hash).toString('hex');

/** The stored leaf hashes of the first `size` entries, in index order. */
export async function leafHashes(db: Db, size: number): Promise<Uint8Array[]> {
  const hashes = await readLeafHashes(db, size);
  return hashes.map((h) => new Uint8Array(Buffer.from(h, 'hex')));
}

async function sizeOrHead(db: Db, size: number | undefined): Promise<number> {
  const head = await evidenceSize(db);
  const wanted = size ?? head;
  if (!Number.isSafeInteger(wanted) || wanted < 0 || wanted > head) {
    throw treeRangeError(`tree size ${wanted} with ${head} entries in the log`);
  }
  return wanted;
}

/**
 * Inclusion proofs (RFC 9162 §2.1.3) of the given entries in the tree of the first `size`
 * entries (default: the whole log). One read of the leaf hashes serves every index.
 */
export async function inclusionProofs(
  db: Db,
  indices: readonly number[],
  size?: number,
): Promise<InclusionProofJson[]> {
  const n = await sizeOrHead(db, size);
  const leaves = await leafHashes(db, n);
  const root = hex(rootFromLeafHashes(leaves));
  return indices.map((index) => ({
    index,
    size: n,
    leafHash: leaves[index] ? hex(leaves[index]) : '',
    rootHash: root,
    proof: inclusionProof(leaves, index, n).map(hex),
  }));
}

/** The consistency proof (RFC 9162 §2.1.4) from the tree of `size1` to that of `size2`. */
export async function consistencyProofOf(
  db: Db,
  size1: number,
  size2?: number,
): Promise<ConsistencyProofJson> {
  const n = await sizeOrHead(db, size2);
  const leaves = await leafHashes(db, n);
  const proof = consistencyProof(leaves, size1, n);
  return {
    size1,
    size2: n,
    rootHash1: hex(rootFromLeafHashes(leaves.slice(0, size1))),
    rootHash2: hex(rootFromLeafHashes(leaves)),
    proof: proof.map(hex),
  };
}
