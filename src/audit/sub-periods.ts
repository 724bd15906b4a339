import type { DateTime } from 'luxon';
import { intersect, type Period, periodsWithin, type Range } from '../calendar/period.js';
import type { PeriodKind } from '../model/plan.js';

/** One sub-period a task is counted over, as the audit uses it. */
export interface SubPeriod {
  label: string;
  kind: PeriodKind;
  /** Clipped to the plan's period; not cut at the audited period's edges. */
  start: DateTime;
  end: DateTime;
  startMs: number;
  endMs: number;
  /** It reaches outside the audited period (an ISO week across two months). */
  spills: boolean;
  /** The share of the calendar sub-period inside the plan: 1, or less at the plan's edges. */
  share: number;
}

/**
 * The sub-periods of a kind that overlap both the plan's period and the audited range, in
 * order. Each is clipped to the plan's period (evidence outside the plan does not count) but
 * kept whole at the audited range's edges: a weekly task audited for 2024-03 covers ISO weeks
 * 2024-W09…W13, each counted once over its seven days, and W09 and W13 are marked `spills`.
 * Kind `plan` gives the plan's whole period.
 */
export function subPeriodsOf(kind: PeriodKind, whole: Period, audited: Range): SubPeriod[] {
  const zone = whole.start.zoneName ?? 'UTC';
  const candidates = kind === 'plan' ? [whole] : periodsWithin(kind, audited, zone);
  const out: SubPeriod[] = [];
  for (const period of candidates) {
    if (!intersect(period, audited)) continue;
    const clipped = intersect(period, whole);
    if (!clipped) continue;
    out.push({
      label: period.label,
      kind,
      start: clipped.start,
      end: clipped.end,
      startMs: clipped.start.toMillis(),
      endMs: clipped.end.toMillis(),
      spills: clipped.start < audited.start || clipped.end > audited.end,
      share:
        (clipped.end.toMillis() - clipped.start.toMillis()) /
        (period.end.toMillis() - period.start.toMillis()),
    });
  }
  return out;
}

/** The position of the sub-period that holds an instant, or -1; they are sorted, disjoint. */
export function findSubPeriod(periods: readonly SubPeriod[], ms: number): number {
  let low = 0;
  let high = periods.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const period = periods[mid] as SubPeriod;
    if (ms < period.startMs) high = mid - 1;
    else if (ms >= period.endMs) low = mid + 1;
    else return mid;
  }
  return -1;
}
