/**
 * A row of the log that is not where its bytes say it should be: its stored index is not the
 * one after the previous row's, or its bytes say another index. Verify keeps only these
 * (none in an untouched log) and names them afterwards, once it has seen their neighbours.
 */
export interface SequenceAnomaly {
  /** The row's stored index. */
  idx: number;
  /** The index its bytes say (`"index"`), or undefined when they say none. */
  said: number | undefined;
  /** The previous row's stored index (-1 for the first row). */
  prevIdx: number;
  /** The index the previous row's bytes say (-1 for the first row). */
  prevSaid: number;
}

/** What one anomaly (or a run of them) is, in verify's words. */
export interface SequenceProblem {
  code: 'missing' | 'moved' | 'inserted';
  index: number;
  expected: string;
  found: string;
}

/**
 * Names what happened to the rows, one problem per change rather than one per row after it:
 * - two rows holding each other's entries: each is `moved` (swapped);
 * - stored indices skip, and the bytes skip alike: the skipped entries are `missing`;
 * - the bytes skip but stored indices do not (rows renumbered after a deletion): `missing`,
 *   once, and the renumbered rows after it are not named again;
 * - a row says an index an earlier row already said (rows renumbered after an insertion):
 *   `inserted`, once, naming the index that appears twice;
 * - otherwise a row (or a run of rows shifted alike) says another index: `moved`, once.
 */
export function nameSequence(
  anomalies: readonly SequenceAnomaly[],
  lastIdx: number,
): SequenceProblem[] {
  const problems: SequenceProblem[] = [];
  let run: { lastIdx: number; shift: number } | undefined;
  for (let i = 0; i < anomalies.length; i += 1) {
    const a = anomalies[i]!;
    const next = anomalies[i + 1];
    if (a.said === undefined) {
      problems.push({ code: 'moved', index: a.idx, expected: String(a.idx), found: '-' });
      run = undefined;
      continue;
    }
    const shift = a.idx - a.said;
    if (run && a.idx === run.lastIdx + 1 && shift === run.shift && a.prevIdx === run.lastIdx) {
      run.lastIdx = a.idx;
      continue;
    }
    if (next && next.said === a.idx && a.said === next.idx) {
      problems.push({
        code: 'moved',
        index: a.idx,
        expected: String(a.idx),
        found: String(a.said),
      });
      problems.push({
        code: 'moved',
        index: next.idx,
        expected: String(next.idx),
        found: String(next.said),
      });
      i += 1;
      run = undefined;
      continue;
    }
    run = shift === 0 ? undefined : { lastIdx: a.idx, shift };
    const expected = a.prevSaid + 1;
    // A row whose neighbours are in place says a wrong index of its own: it is `moved`.
    const continues =
      a.idx === lastIdx ||
      (next !== undefined &&
        next.said !== undefined &&
        next.idx === a.idx + 1 &&
        next.prevIdx === a.idx &&
        next.idx - next.said === shift);
    if (shift !== 0 && (!continues || a.said === expected)) {
      problems.push({
        code: 'moved',
        index: a.idx,
        expected: String(a.idx),
        found: String(a.said),
      });
    } else if (a.said > expected) {
      problems.push({
        code: 'missing',
        index: expected,
        expected: String(expected),
        found: String(a.said),
      });
    } else if (a.said < expected) {
      problems.push({
        code: 'inserted',
        index: a.said,
        expected: String(expected),
        found: String(a.said),
      });
    } else {
      // Bytes in sequence, stored index where it belongs: only the stored indices skipped.
      problems.push({
        code: 'missing',
        index: a.prevIdx + 1,
        expected: String(a.prevIdx + 1),
        found: String(a.idx),
      });
    }
  }
  return problems;
}
