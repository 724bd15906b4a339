import { EMPTY_ROOT, HASH_SIZE, leafHash, nodeHash, treeRangeError } from './tree-hash.js';

/**
 * The compact range [0, size) of a growing log: the roots of its perfect subtrees, one per
 * set bit of `size`, largest (leftmost) first. Appending a leaf and reading the root need
 * O(log n) memory, so a 1,000,000-entry log is checked without building the whole tree.
 *
 * The root it gives equals MTH of RFC 9162 §2.1.1: MTH splits at the largest power of two
 * below n, which is exactly the leftmost perfect subtree, recursively.
 */
export class CompactRange {
  #size = 0;
  readonly #hashes: Uint8Array[] = [];

  /**
   * A range restored from a stored state: the size and its perfect-subtree hashes, as
   * {@link CompactRange.hashes} returned them.
   */
  static restore(size: number, hashes: readonly Uint8Array[]): CompactRange {
    if (!Number.isSafeInteger(size) || size < 0 || bitCount(size) !== hashes.length) {
      throw treeRangeError(`size ${size} needs ${bitCount(size)} subtree hashes`);
    }
    const range = new CompactRange();
    for (const hash of hashes) range.#hashes.push(checkedHash(hash));
    range.#size = size;
    return range;
  }

  /** Number of leaves appended so far. */
  get size(): number {
    return this.#size;
  }

  /** The perfect-subtree hashes, left to right (a copy, for storing the state). */
  get hashes(): Uint8Array[] {
    return [...this.#hashes];
  }

  /** Appends one leaf hash (32 bytes). */
  append(hash: Uint8Array): void {
    this.#hashes.push(checkedHash(hash));
    // Each trailing 1 bit of the old size is a perfect subtree of the same height as the
    // one just completed: merge them, right to left.
    let carry = this.#size;
    while (carry % 2 === 1) {
      const right = this.#hashes.pop()!;
      const left = this.#hashes.pop()!;
      this.#hashes.push(nodeHash(left, right));
      carry = (carry - 1) / 2;
    }
    this.#size += 1;
  }

  /**
   * Appends the hash of a perfect subtree over the next 2^height leaves, hashed elsewhere: the
   * same as appending those leaves one by one. The size must be a multiple of 2^height.
   */
  appendSubtree(hash: Uint8Array, height: number): void {
    const width = 2 ** height;
    if (this.#size % width !== 0) {
      throw treeRangeError(`a subtree of ${width} leaves cannot follow ${this.#size} leaves`);
    }
    this.#hashes.push(checkedHash(hash));
    let carry = this.#size / width;
    while (carry % 2 === 1) {
      const right = this.#hashes.pop()!;
      const left = this.#hashes.pop()!;
      this.#hashes.push(nodeHash(left, right));
      carry = (carry - 1) / 2;
    }
    this.#size += width;
  }

  /** Hashes an entry's bytes as a leaf, appends it and returns its leaf hash. */
  appendEntry(bytes: Uint8Array): Uint8Array {
    const hash = leafHash(bytes);
    this.append(hash);
    return hash;
  }

  /** The Merkle tree hash of the leaves appended so far ({@link EMPTY_ROOT} when none). */
  root(): Uint8Array {
    const hashes = this.#hashes;
    if (hashes.length === 0) return new Uint8Array(EMPTY_ROOT);
    let root = hashes[hashes.length - 1]!;
    for (let i = hashes.length - 2; i >= 0; i -= 1) root = nodeHash(hashes[i]!, root);
    return root;
  }
}

function checkedHash(hash: Uint8Array): Uint8Array {
  if (hash.length !== HASH_SIZE) {
    throw treeRangeError(`a hash has ${hash.length} bytes, expected ${HASH_SIZE}`);
  }
  return hash;
}

function bitCount(n: number): number {
  let count = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) count += rest % 2;
  return count;
}
