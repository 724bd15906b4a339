import { DateTime, Duration, type DurationLikeObject, Interval } from 'luxon';
import { currentLang, type Lang } from '../i18n/lang.js';

type Unit = 'years' | 'months' | 'days' | 'hours' | 'minutes';
const SINGULAR = {
  years: 'year',
  months: 'month',
  days: 'day',
  hours: 'hour',
  minutes: 'minute',
} as const;
const MINUTE = 60_000;
const DAY = 86_400_000;
/** The Gregorian calendar's average year and month, for a length that has no start date. */
const YEAR = 365.2425 * DAY;
const MONTH = YEAR / 12;

/**
 * A length of time in words, as a person says it, each unit named by Intl in the user's
 * language and units that are zero left out. The size picks the units, so that a very old
 * lateness reads in months or years, not in a thousand days:
 * - under a month: days, hours and minutes ("1 ngày 6 phút", "2 giờ"), rounded to the minute
 *   (under a minute is "0 phút" / "0 minutes");
 * - under a year: months and days ("3 tháng 2 ngày");
 * - a year or more: years and months ("2 năm 9 tháng", "2 years 9 months").
 * The last unit said is rounded, the smaller ones dropped. Given an `Interval` (a start and
 * an end), months and years are counted on the calendar; a bare length counts the average
 * Gregorian month and year. Negative lengths read as their size.
 */
export function durationWords(
  length: Duration | DurationLikeObject | Interval | number,
  lang: Lang = currentLang(),
): string {
  const parts = Interval.isInterval(length) ? calendarParts(length) : averageParts(length);
  const words = (Object.keys(SINGULAR) as Unit[])
    .filter((unit) => (parts[unit] ?? 0) > 0)
    .map((unit) => unitWords(unit, parts[unit] ?? 0, lang));
  return words.length === 0 ? unitWords('minutes', 0, lang) : words.join(' ');
}

/** The length from `from` to `to` in words (either order), months and years on the calendar. */
export function durationBetween(from: DateTime, to: DateTime, lang: Lang = currentLang()): string {
  return durationWords(
    to < from ? Interval.fromDateTimes(to, from) : Interval.fromDateTimes(from, to),
    lang,
  );
}

function unitWords(unit: Unit, count: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: SINGULAR[unit],
    unitDisplay: 'long',
  }).format(count);
}

/** The units a length of `ms` milliseconds is said in (see `durationWords`). */
function unitsFor(ms: number): readonly Unit[] {
  if (ms >= YEAR) return ['years', 'months'];
  if (ms >= MONTH) return ['months', 'days'];
  return ['days', 'hours', 'minutes'];
}

function averageParts(
  length: Duration | DurationLikeObject | number,
): Partial<Record<Unit, number>> {
  const ms = Math.abs(
    typeof length === 'number'
      ? length
      : Duration.isDuration(length)
        ? length.as('milliseconds')
        : Duration.fromObject(length).as('milliseconds'),
  );
  const units = unitsFor(ms);
  if (units[0] === 'days') {
    const minutes = Math.round(ms / MINUTE);
    return {
      days: Math.floor(minutes / 1440),
      hours: Math.floor((minutes % 1440) / 60),
      minutes: minutes % 60,
    };
  }
  if (units[0] === 'months') {
    const months = Math.floor(ms / MONTH);
    return { months, days: Math.round((ms - months * MONTH) / DAY) };
  }
  const months = Math.round(ms / MONTH);
  return { years: Math.floor(months / 12), months: months % 12 };
}

function calendarParts(interval: Interval): Partial<Record<Unit, number>> {
  const { start, end } = interval;
  if (!start || !end) return {};
  // Rounded to the minute first, like a bare length, then counted on the calendar.
  const ms = Math.round((end.toMillis() - start.toMillis()) / MINUTE) * MINUTE;
  const to = DateTime.fromMillis(start.toMillis() + ms, { zone: start.zone });
  const years = to.diff(start, ['years', 'months']).toObject();
  if ((years.years ?? 0) >= 1) {
    const months = Math.round(years.months ?? 0);
    return months === 12
      ? { years: (years.years ?? 0) + 1, months: 0 }
      : { years: years.years ?? 0, months };
  }
  const months = to.diff(start, ['months', 'days']).toObject();
  if ((months.months ?? 0) >= 1) {
    return { months: months.months ?? 0, days: Math.round(months.days ?? 0) };
  }
  return averageParts(ms);
}

/**
 * Why a publication was missed, as the scheduler records it (English, like every stored
 * reason; `isLateDetail` lets a display say it again in the user's language):
 * "late by 1 day 6 minutes (limit 2 hours)".
 */
export function lateDetail(late: Duration, limitMinutes: number): string {
  return `late by ${durationWords(late, 'en')} (limit ${durationWords({ minutes: limitMinutes }, 'en')})`;
}

/** Whether a stored reason is the scheduler's lateness detail (old "late by N min" included). */
export function isLateDetail(reason: string | null | undefined): boolean {
  return reason?.startsWith('late by ') ?? false;
}
