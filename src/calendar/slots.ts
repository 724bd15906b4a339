import { DateTime } from 'luxon';
import type { BroadcastChannel, BulletinChannel, PostingSchedule } from '../model/channel.js';
import { DEFAULT_ZONE, WEEKDAYS, type Weekday, weekdayNumber } from '../model/primitives.js';
import type { ExceptDay, RecurrenceSpec } from '../model/recurrence.js';
import { contains, type Range } from './period.js';
import { atLocal, localDaysOf, recurrenceDays } from './recurrence.js';

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

type Slot = BroadcastChannel['slots'][number];

/**
 * The recurrence of a broadcast slot in the one model (RFC 5545): a weekly `weekday` is
 * `FREQ=WEEKLY;BYDAY=…`; the channel's days off join the slot's own.
 */
export function slotRecurrence(slot: Slot, channelExcept?: readonly ExceptDay[]): RecurrenceSpec {
  const rrule =
    slot.rrule ??
    (slot.weekday === undefined ? undefined : `FREQ=WEEKLY;BYDAY=${RRULE_DAY[slot.weekday]}`);
  const except = [...(channelExcept ?? []), ...(slot.except ?? [])];
  return {
    ...(rrule === undefined ? {} : { rrule }),
    ...(slot.dates === undefined ? {} : { dates: slot.dates }),
    ...(slot.from === undefined ? {} : { from: slot.from }),
    ...(slot.until === undefined ? {} : { until: slot.until }),
    ...(except.length === 0 ? {} : { except }),
  };
}

/** RFC 5545 two-letter weekday of each weekday name. */
export const RRULE_DAY: Record<Weekday, string> = {
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
};

/** Every airing of a broadcast channel's slots that starts in a range, in order. */
export function broadcastSlotsIn(
  channel: Pick<BroadcastChannel, 'slots'> & Partial<Pick<BroadcastChannel, 'except'>>,
  range: Range,
  zone: string = DEFAULT_ZONE,
): SlotOccurrence[] {
  const out: SlotOccurrence[] = [];
  const { first, last } = localDaysOf(range, zone);
  for (const slot of channel.slots) {
    for (const day of recurrenceDays(slotRecurrence(slot, channel.except), first, last)) {
      const start = atLocal(day, slot.start, zone);
      if (!contains(range, start)) continue;
      const end = start.plus({ seconds: slot.lengthSec });
      const weekday = WEEKDAYS[start.weekday - 1] as Weekday;
      out.push({ start, end, weekday, lengthSec: slot.lengthSec });
    }
  }
  return out.sort((a, b) => a.start.toMillis() - b.start.toMillis());
}

/** The days of the month a bulletin comes out: the first `issuesPerMonth` of `issueDays`. */
export function issueDaysOf(channel: Pick<BulletinChannel, 'issueDays' | 'issuesPerMonth'>) {
  const days = channel.issueDays.slice(0, channel.issuesPerMonth);
  return [...new Set(days)].sort((a, b) => a - b);
}

/** The bulletin fields its issue days come from. */
export type IssueCalendar = Pick<BulletinChannel, 'issueDays' | 'issuesPerMonth' | 'issueTime'> &
  Partial<Pick<BulletinChannel, 'issueRecurrence' | 'except'>>;

/**
 * The issue days of a bulletin in the one model (RFC 5545): its `issueRecurrence`, or its
 * `issueDays` as `FREQ=MONTHLY;BYMONTHDAY=…`, minus its days off.
 */
export function issueRecurrenceOf(channel: IssueCalendar): RecurrenceSpec {
  const spec: RecurrenceSpec = channel.issueRecurrence
    ? { ...channel.issueRecurrence }
    : { rrule: `FREQ=MONTHLY;BYMONTHDAY=${issueDaysOf(channel).join(',')}` };
  return channel.except ? { ...spec, except: [...channel.except] } : spec;
}

/**
 * Every bulletin issue that goes out in a range, in order, numbered through the calendar
 * year in the order of its issue days: with issue days 7, 14, 21, 28, March's issues are
 * numbers 9 to 12; a day off (Tết) takes no number.
 */
export function bulletinIssuesIn(
  channel: IssueCalendar,
  range: Range,
  zone: string = DEFAULT_ZONE,
): BulletinIssue[] {
  const spec = issueRecurrenceOf(channel);
  const { first, last } = localDaysOf(range, zone);
  const out: BulletinIssue[] = [];
  let year = Number(first.slice(0, 4));
  let number = 0;
  // NOTE: numbers count from January 1, so the days are read from there, not from `first`.
  for (const day of recurrenceDays(spec, `${year}-01-01`, last)) {
    const dayYear = Number(day.slice(0, 4));
    if (dayYear !== year) {
      year = dayYear;
      number = 0;
    }
    number += 1;
    const date = atLocal(day, channel.issueTime, zone);
    if (!contains(range, date)) continue;
    out.push({ date, number, year, label: `Số ${number}/${year}` });
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
