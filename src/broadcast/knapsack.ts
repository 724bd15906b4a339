/** One thing that may go in: its size (seconds) and its value, most significant part first. */
export interface KnapsackEntry {
  size: number;
  /** Non-negative integers compared lexicographically: `[priority, focus, age]`. */
  value: readonly number[];
}

/** The best filling found. */
export interface KnapsackFilling {
  /** Indices of the chosen entries, ascending. */
  chosen: number[];
  total: number;
  /** The total is in [minimum, capacity]; false when no filling reaches the minimum. */
  reachedMinimum: boolean;
  /** How many value parts the encoding kept (parts dropped only if they would overflow). */
  partsKept: number;
}

/**
 * The weights that fold a lexicographic value into one safe integer: each part weighs more
 * than every later part can add up to over all entries. Trailing parts are dropped when the
 * fold would pass 2^53 (never for the sizes rundowns have).
 */
function foldWeights(entries: readonly KnapsackEntry[]): number[] {
  const parts = entries.reduce((n, e) => Math.max(n, e.value.length), 0);
  const maxima = Array.from({ length: parts }, (_, k) =>
    entries.reduce((sum, e) => sum + (e.value[k] ?? 0), 0),
  );
  for (let kept = parts; kept > 0; kept--) {
    const weights = new Array<number>(kept);
    let weight = 1;
    for (let k = kept - 1; k >= 0; k--) {
      weights[k] = weight;
      weight *= (maxima[k] ?? 0) + 1;
    }
    if (weight <= Number.MAX_SAFE_INTEGER) return weights;
  }
  return [];
}

/**
 * Exact 0/1 knapsack by dynamic programming over whole units of size (seconds): among all
 * subsets whose total lies in [minimum, capacity], the one with the greatest value
 * (lexicographic, folded into one integer), ties toward the larger total. When no subset
 * reaches the minimum, the subset with the largest total under capacity (best value among
 * those). Time O(entries × capacity), memory one byte per entry × second.
 */
export function bestFilling(
  entries: readonly KnapsackEntry[],
  capacity: number,
  minimum: number,
): KnapsackFilling {
  const cap = Math.max(0, Math.floor(capacity));
  const width = cap + 1;
  const weights = foldWeights(entries);
  const n = entries.length;
  // best[t]: the best folded value of a subset of exactly t seconds; -1 where none exists.
  const best = new Float64Array(width).fill(-1);
  best[0] = 0;
  const took = new Uint8Array(n * width);
  // the largest total reachable so far: nothing above it can be extended
  let reach = 0;
  for (let i = 0; i < n; i++) {
    const entry = entries[i] as KnapsackEntry;
    const size = entry.size;
    if (!Number.isInteger(size) || size <= 0 || size > cap) continue;
    let value = 0;
    for (let k = 0; k < weights.length; k++) value += (entry.value[k] ?? 0) * (weights[k] ?? 0);
    const row = i * width;
    reach = Math.min(cap, reach + size);
    for (let t = reach; t >= size; t--) {
      const from = best[t - size] as number;
      if (from < 0) continue;
      const candidate = from + value;
      if (candidate > (best[t] as number)) {
        best[t] = candidate;
        took[row + t] = 1;
      }
    }
  }
  let total = -1;
  for (let t = cap; t >= Math.max(0, minimum); t--) {
    if ((best[t] as number) >= 0 && (total < 0 || (best[t] as number) > (best[total] as number))) {
      total = t;
    }
  }
  const reachedMinimum = total >= 0;
  if (!reachedMinimum) {
    total = 0;
    for (let t = Math.min(cap, Math.max(0, minimum - 1)); t > 0; t--) {
      if ((best[t] as number) >= 0) {
        total = t;
        break;
      }
    }
  }
  const chosen: number[] = [];
  let t = total;
  for (let i = n - 1; i >= 0 && t > 0; i--) {
    if (took[i * width + t] === 1) {
      chosen.push(i);
      t -= (entries[i] as KnapsackEntry).size;
    }
  }
  return { chosen: chosen.reverse(), total, reachedMinimum, partsKept: weights.length };
}
