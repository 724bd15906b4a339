import { Duration, type DurationLikeObject } from 'luxon';
import { currentLang, type Lang } from '../i18n/lang.js';

const UNITS = ['days', 'hours', 'minutes'] as const;
const SINGULAR = { days: 'day', hours: 'hour', minutes: 'minute' } as const;

/**
 * A length of time in words, as a person says it: days, hours and minutes, each unit named
 * by Intl in the user's language, units that are zero left out ("1 ngày 6 phút", "1 day
 * 6 minutes", "2 giờ"). Rounded to the minute; under a minute is "0 phút" / "0 minutes".
 * Negative lengths read as their size.
 */
export function durationWords(
  length: Duration | DurationLikeObject | number,
  lang: Lang = currentLang(),
): string {
  const ms = Math.abs(
    typeof length === 'number'
      ? length
      : Duration.isDuration(length)
        ? length.as('milliseconds')
        : Duration.fromObject(length).as('milliseconds'),
  );
  const rounded = Duration.fromMillis(Math.round(ms / 60_000) * 60_000)
    .shiftTo(...UNITS)
    .toObject();
  const words = UNITS.filter((unit) => (rounded[unit] ?? 0) > 0).map((unit) =>
    new Intl.NumberFormat(lang, {
      style: 'unit',
      unit: SINGULAR[unit],
      unitDisplay: 'long',
    }).format(rounded[unit] ?? 0),
  );
  if (words.length === 0) {
    return new Intl.NumberFormat(lang, {
      style: 'unit',
      unit: 'minute',
      unitDisplay: 'long',
    }).format(0);
  }
  return words.join(' ');
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
