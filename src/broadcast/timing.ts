import type { DateTime } from 'luxon';
import { type Rundown, type RundownItem, type RundownSegment, slotStart } from './model.js';

/** Timing of one item, computed from the planned durations; never stored. */
export interface ItemTiming {
  item: RundownItem;
  segment: string;
  /** 1-based position in the running order, floated items included. */
  order: number;
  /** Seconds from the top of the show to the item's start (cume time). */
  cumeSec: number;
  /** Clock time the item starts if the show runs from the top as planned. */
  cumeAt: DateTime;
  /**
   * Seconds from the top at which the item must start for the show to end exactly at the
   * slot's end (back-time): slot length − this item and everything after it.
   */
  backSec: number;
  /** Clock time of the back-time. */
  backAt: DateTime;
  /** Seconds the item counts for: its planned time, or 0 when floated. */
  countedSec: number;
}

/** Timing of one segment. */
export interface SegmentTiming {
  title: string;
  plannedSec: number;
  targetSec: number;
  /** planned − target: positive is over, negative is under. */
  overUnderSec: number;
}

/** Timing of the whole show against its slot. */
export interface RundownTiming {
  items: ItemTiming[];
  segments: SegmentTiming[];
  /** Counted seconds of every item (floated excluded). */
  plannedSec: number;
  slotSec: number;
  /** planned − slot length: positive is over (will be cut), negative is under (needs fill). */
  overUnderSec: number;
  minimumSec: number;
  /** The planned time is below the programme's minimum. */
  belowMinimum: boolean;
}

function counted(item: RundownItem): number {
  return item.floated ? 0 : item.plannedSec;
}

/** Planned seconds of a segment, floated items excluded. */
export function segmentPlannedSec(segment: RundownSegment): number {
  return segment.items.reduce((sum, item) => sum + counted(item), 0);
}

/**
 * Cume time, back-time and over/under of a rundown. Floated items keep their place in the
 * order but count for nothing: their cume and back-time are those of the next item.
 */
export function computeTiming(rundown: Rundown): RundownTiming {
  const start = slotStart(rundown.slot);
  const slotSec = rundown.slot.lengthSec;
  const flat = rundown.segments.flatMap((segment) =>
    segment.items.map((item) => ({ item, segment: segment.title })),
  );
  // NOTE: a built programme's jingles and pauses around the stories are on air too.
  const opening = rundown.audio?.openingSec ?? 0;
  const closing = rundown.audio?.closingSec ?? 0;
  const plannedSec = flat.reduce((sum, { item }) => sum + counted(item), 0) + opening + closing;
  let cume = opening;
  const items = flat.map(({ item, segment }, index): ItemTiming => {
    const countedSec = counted(item);
    // back-time: the show must end at slotSec, so this item starts at slotSec − (rest of show).
    const rest = plannedSec - cume;
    const backSec = slotSec - rest;
    const timing: ItemTiming = {
      item,
      segment,
      order: index + 1,
      cumeSec: cume,
      cumeAt: start.plus({ seconds: cume }),
      backSec,
      backAt: start.plus({ seconds: backSec }),
      countedSec,
    };
    cume += countedSec;
    return timing;
  });
  const segments = rundown.segments.map((segment) => {
    const planned = segmentPlannedSec(segment);
    return {
      title: segment.title,
      plannedSec: planned,
      targetSec: segment.targetSec,
      overUnderSec: planned - segment.targetSec,
    };
  });
  return {
    items,
    segments,
    plannedSec,
    slotSec,
    overUnderSec: plannedSec - slotSec,
    minimumSec: rundown.minimumSec,
    belowMinimum: plannedSec < rundown.minimumSec,
  };
}

/** `m:ss`, or `h:mm:ss` from an hour on; negative values get a minus sign (U+2212 not used). */
export function formatDuration(totalSec: number): string {
  const sign = totalSec < 0 ? '-' : '';
  let s = Math.abs(Math.round(totalSec));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${ss}` : `${sign}${m}:${ss}`;
}

/** Over/under with an explicit sign: `+0:30` over, `-1:10` under, `0:00` on time. */
export function formatOverUnder(sec: number): string {
  return sec > 0 ? `+${formatDuration(sec)}` : formatDuration(sec);
}
