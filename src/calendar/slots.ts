import { DateTime } from 'luxon';
import type { BroadcastChannel, BulletinChannel, PostingSchedule } from '../channels/schema.js';
import { DEFAULT_ZONE, WEEKDAYS, type Weekday, weekdayNumber } from '../config/primitives.js';
import { contains, periodsWithin, type Range } from './period.js';

/** One airing of a broadcast programme's weekly slot. */
export interface SlotOccurrence {
  start: DateTime;
  end: DateTime;
  weekday: Weekday;
  lengthSec: number;
}

/** Số: one issue of an e-bulletin, numbered through its calendar year. */
export interface BulletinIssue {
  /** The local date and issue time it goes out. */
  date: DateTime;
  /** The issue's number in its year: issue 1 is the first issue day of January. */
  number: number;
  year: number;
  /** `Số 9/2024`: the issue's name as printed on it (always Vietnamese). */
  label: string;
}

/** A local wall-clock time on the day that starts at `day`. */
function at(day: DateTime, time: string): DateTime {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour, minute },
    { zone: day.zone },
  );
}

/** Local midnights of the days a range touches, in order. */
function* daysOf(range: Range, zone: string): Generator<DateTime> {
  let day = range.start.setZone(zone).startOf('day');
  while (day < range.end) {
    yield day;
    day = day.plus({ days: 1 }).startOf('day');
  }
}

/** Every airing of a broadcast channel's slots that starts in a range, in order. */
export function broadcastSlotsIn(
  channel: Pick<BroadcastChannel, 'slots'>,
  range: Range,
  zone: string = DEFAULT_ZONE,
): SlotOccurrence[] {
  const out: SlotOccurrence[] = [];
  for (const day of daysOf(range, zone)) {
    for (const slot of channel.slots) {
      if (weekdayNumber(slot.weekday) !== day.weekday) continue;
      const start = at(day, slot.start);
      if (!contains(range, start)) continue;
      const end = start.plus({ seconds: slot.lengthSec });
      out.push({ start, end, weekday: slot.weekday, lengthSec: slot.lengthSec });
    }
  }
  return out.sort((a, b) => a.start.toMillis() - b.start.toMillis());
}

/** The days of the month a bulletin comes out: the first `issuesPerMonth` of `issueDays`. */
export function issueDaysOf(channel: Pick<BulletinChannel, 'issueDays' | 'issuesPerMonth'>) {
  const days = channel.issueDays.slice(0, channel.issuesPerMonth);
  return [...new Set(days)].sort((a, b) => a - b);
}

/**
 * Every bulletin issue that goes out in a range, in order, numbered through the calendar
 * year: with issue days 7, 14, 21, 28, March's issues are numbers 9 to 12.
 */
export function bulletinIssuesIn(
  channel: Pick<BulletinChannel, 'issueDays' | 'issuesPerMonth' | 'issueTime'>,
  range: Range,
  zone: string = DEFAULT_ZONE,
): BulletinIssue[] {
  const days = issueDaysOf(channel);
  const out: BulletinIssue[] = [];
  for (const month of periodsWithin('month', range, zone)) {
    const first = month.start;
    days.forEach((day, index) => {
      const date = at(first.set({ day }), channel.issueTime);
      if (!contains(range, date)) return;
      const number = (first.month - 1) * days.length + index + 1;
      out.push({ date, number, year: first.year, label: `Số ${number}/${first.year}` });
    });
  }
  return out;
}

/**
 * The instants of a posting schedule (local times per weekday, as in Buffer) strictly after
 * `after`, in order, without end. An empty schedule yields nothing.
 */
export function* postingSlotsAfter(
  schedule: PostingSchedule,
  after: DateTime,
  zone: string = DEFAULT_ZONE,
): Generator<DateTime> {
  const times = new Map<number, string[]>();
  for (const weekday of WEEKDAYS) {
    const list = [...new Set(schedule[weekday] ?? [])].sort();
    if (list.length > 0) times.set(weekdayNumber(weekday), list);
  }
  if (times.size === 0) return;
  let last = after;
  let day = after.setZone(zone).startOf('day');
  while (true) {
    for (const time of times.get(day.weekday) ?? []) {
      const instant = at(day, time);
      // NOTE: across a DST change two local times can name the same instant; keep order strict.
      if (instant <= last) continue;
      last = instant;
      yield instant;
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
}
