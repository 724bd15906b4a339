import { DateTime, type DateTimeUnit } from 'luxon';
import { LoaError } from '../errors/loa-error.js';
import type { PeriodKind, Plan } from '../model/plan.js';
import { DEFAULT_ZONE } from '../model/primitives.js';

/** The period kinds that follow the calendar (every kind but the plan's own period). */
export type CalendarKind = Exclude<PeriodKind, 'plan'>;

/** The calendar kinds, shortest first. */
export const CALENDAR_KINDS: readonly CalendarKind[] = [
  'week',
  'month',
  'quarter',
  'half-year',
  'year',
];

/** A span of time: `start` inclusive, `end` exclusive. */
export interface Range {
  start: DateTime;
  end: DateTime;
}

/**
 * Kỳ: one period a rule counts over or a report covers. `start` is local midnight in the zone
 * (inclusive), `end` the local midnight that opens the next period (exclusive).
 */
export interface Period extends Range {
  kind: PeriodKind;
  /** `2024-W12`, `2024-03`, `2024-Q1`, `2024-H1`, `2024`, or the plan id for kind `plan`. */
  label: string;
}

const UNIT: Record<Exclude<CalendarKind, 'half-year'>, DateTimeUnit> = {
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
};

function local(instant: DateTime, zone: string): DateTime {
  const inZone = instant.setZone(zone);
  if (!inZone.isValid) throw new LoaError('BAD_ZONE', { params: { value: zone } });
  return inZone;
}

function startOfKind(kind: CalendarKind, at: DateTime): DateTime {
  if (kind !== 'half-year') return at.startOf(UNIT[kind]);
  return at.set({ month: at.month <= 6 ? 1 : 7, day: 1 }).startOf('month');
}

/** The label of a calendar period that starts at this local instant. */
function labelOf(kind: CalendarKind, start: DateTime): string {
  switch (kind) {
    case 'week':
      return start.toFormat("kkkk-'W'WW");
    case 'month':
      return start.toFormat('yyyy-MM');
    case 'quarter':
      return `${start.toFormat('yyyy')}-Q${start.quarter}`;
    case 'half-year':
      return `${start.toFormat('yyyy')}-H${start.month <= 6 ? 1 : 2}`;
    case 'year':
      return start.toFormat('yyyy');
  }
}

/**
 * The period of a kind that contains an instant, evaluated in a zone.
 * NOTE: `end` is taken as the start of the following period (not `start + 1 unit`), so that
 * consecutive periods meet exactly even where a DST change moves local midnight.
 */
export function periodContaining(
  kind: CalendarKind,
  instant: DateTime,
  zone: string = DEFAULT_ZONE,
): Period {
  const start = startOfKind(kind, local(instant, zone));
  const step = kind === 'half-year' ? { months: 6 } : { [`${UNIT[kind]}s`]: 1 };
  const end = startOfKind(kind, start.plus(step));
  return { kind, label: labelOf(kind, start), start, end };
}

/** The next period of the same calendar kind. */
export function nextPeriod(period: Period): Period {
  if (period.kind === 'plan') throw new LoaError('BAD_PERIOD', { params: { value: period.label } });
  return periodContaining(period.kind, period.end, period.start.zoneName ?? DEFAULT_ZONE);
}

const FORMS: { kind: CalendarKind; pattern: RegExp }[] = [
  { kind: 'week', pattern: /^(\d{4})-W(\d{2})$/ },
  { kind: 'month', pattern: /^(\d{4})-(\d{2})$/ },
  { kind: 'quarter', pattern: /^(\d{4})-Q(\d)$/ },
  { kind: 'half-year', pattern: /^(\d{4})-H(\d)$/ },
  { kind: 'year', pattern: /^(\d{4})$/ },
];

function firstInstant(kind: CalendarKind, year: number, n: number, zone: string): DateTime {
  switch (kind) {
    case 'week':
      return DateTime.fromObject({ weekYear: year, weekNumber: n, weekday: 1 }, { zone });
    case 'month':
      return DateTime.fromObject({ year, month: n, day: 1 }, { zone });
    case 'quarter':
      return n >= 1 && n <= 4
        ? DateTime.fromObject({ year, month: (n - 1) * 3 + 1, day: 1 }, { zone })
        : DateTime.invalid('quarter out of range');
    case 'half-year':
      return n === 1 || n === 2
        ? DateTime.fromObject({ year, month: (n - 1) * 6 + 1, day: 1 }, { zone })
        : DateTime.invalid('half out of range');
    case 'year':
      return DateTime.fromObject({ year, month: 1, day: 1 }, { zone });
  }
}

/**
 * Reads a period label: `2024-W12` (ISO week), `2024-03` (month), `2024-Q1` (quarter),
 * `2024-H1` (half-year) or `2024` (year). Anything else, or a period that does not exist
 * (week 53 of a 52-week year, month 13, Q5, H3), throws `BAD_PERIOD`.
 */
export function parsePeriod(text: string, zone: string = DEFAULT_ZONE): Period {
  const value = text.trim().toUpperCase();
  for (const form of FORMS) {
    const match = form.pattern.exec(value);
    if (!match) continue;
    const year = Number(match[1]);
    const n = Number(match[2] ?? 1);
    const first = year >= 1 ? firstInstant(form.kind, year, n, zone) : DateTime.invalid('year');
    if (!first.isValid) break;
    return periodContaining(form.kind, first, zone);
  }
  throw new LoaError('BAD_PERIOD', { params: { value: text } });
}

/** The label of a period; for calendar kinds it reads back with `parsePeriod`. */
export function formatPeriod(period: Period): string {
  if (period.kind === 'plan') return period.label;
  return labelOf(period.kind, period.start.setZone(period.start.zoneName ?? DEFAULT_ZONE));
}

/** The whole period of a plan: from its first day to the end of its last day, in its zone. */
export function planPeriod(plan: Plan): Period {
  const zone = plan.timeZone;
  const start = DateTime.fromISO(plan.period.start, { zone }).startOf('day');
  const end = DateTime.fromISO(plan.period.end, { zone }).plus({ days: 1 }).startOf('day');
  if (!start.isValid) throw new LoaError('BAD_ZONE', { params: { value: zone } });
  return { kind: 'plan', label: plan.id, start, end };
}

/**
 * The periods of a kind that overlap a range, in order, each whole (not cut at the range's
 * edges): the ISO weeks of a quarter, the months of a half-year. They meet end to start.
 */
export function periodsWithin(
  kind: CalendarKind,
  range: Range,
  zone: string = DEFAULT_ZONE,
): Period[] {
  const periods: Period[] = [];
  if (range.end <= range.start) return periods;
  let current = periodContaining(kind, range.start, zone);
  while (current.start < range.end) {
    periods.push(current);
    current = periodContaining(kind, current.end, zone);
  }
  return periods;
}

/** The part of a range inside another, or undefined when they do not overlap. */
export function intersect(a: Range, b: Range): Range | undefined {
  const start = DateTime.max(a.start, b.start);
  const end = DateTime.min(a.end, b.end);
  return start < end ? { start, end } : undefined;
}

/** Whether an instant lies in a range (start inclusive, end exclusive). */
export function contains(range: Range, instant: DateTime): boolean {
  return instant >= range.start && instant < range.end;
}
